package ai.stockclerk.api;

import ai.stockclerk.api.security.Caller;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.tenants.ChannelSetup;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tenant's channels. Saving never waits on the vendor; credentials are never returned, and a
 * generated webhook secret is shown once, in the response that created it.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

  private final ChannelSetup setup;
  private final ChannelStore channels;
  private final Tenancy tenancy;
  private final String publicUrl;

  ChannelController(ChannelSetup setup, ChannelStore channels, Tenancy tenancy,
      @Value("${stockclerk.public-url:}") String publicUrl) {
    this.setup = setup;
    this.channels = channels;
    this.tenancy = tenancy;
    this.publicUrl = publicUrl;
  }

  record CreateChannel(
      @NotBlank String type,
      @NotBlank @Size(max = 255) String name,
      @Size(max = 255) String externalInstanceId,
      @Size(max = 50) Map<String, @NotNull @Size(max = 8192) String> credentials,
      @Size(max = 50) Map<String, Object> settings) {}

  record UpdateChannel(
      @Size(min = 1, max = 255) String name,
      Boolean active,
      @Size(max = 255) String externalInstanceId,
      @Size(max = 50) Map<String, @NotNull @Size(max = 8192) String> credentials,
      @Size(max = 50) Map<String, Object> settings) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChannelView(UUID id, String type, String name, String status, String statusDetail, boolean active,
      String externalInstanceId, Map<String, Object> settings, Set<String> credentialNames, String webhookUrl,
      String webhookSecret, Instant lastSyncAt, Instant createdAt, Instant updatedAt) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ChannelView create(Caller caller, @Valid @RequestBody CreateChannel request) {
    ChannelType type = ChannelType.fromWireName(request.type())
        .orElseThrow(() -> new InvalidRequestException("unknown channel type '" + request.type() + "'"));
    ChannelSetup.Created created = setup.create(caller.tenantId(), type, request.name(), request.externalInstanceId(),
        request.credentials() == null ? Map.of() : request.credentials(),
        request.settings() == null ? Map.of() : request.settings());
    return view(created.channel(), created.generatedWebhookSecret().orElse(null));
  }

  @GetMapping
  List<ChannelView> list(Caller caller) {
    return tenancy.inTenant(caller.tenantId(), () -> channels.list().stream().map(c -> view(c, null)).toList());
  }

  @GetMapping("/{id}")
  ChannelView get(Caller caller, @PathVariable UUID id) {
    return tenancy.inTenant(caller.tenantId(), () -> view(channels.get(id), null));
  }

  @PatchMapping("/{id}")
  ChannelView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdateChannel request) {
    ChannelRecord updated = setup.update(caller.tenantId(), id, request.name(), request.active(),
        request.externalInstanceId(), request.credentials(), request.settings());
    return view(updated, null);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable UUID id) {
    tenancy.runInTenant(caller.tenantId(), () -> channels.delete(id));
  }

  private ChannelView view(ChannelRecord channel, String generatedSecret) {
    return new ChannelView(channel.id(), channel.type(), channel.name(), channel.status(), channel.statusDetail(),
        channel.active(), channel.externalInstanceId(), setup.settings(channel), setup.credentialNames(channel),
        webhookUrl(channel), generatedSecret, channel.lastSyncAt(), channel.createdAt(), channel.updatedAt());
  }

  private String webhookUrl(ChannelRecord channel) {
    String base = publicUrl.isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : publicUrl.replaceAll("/+$", "");
    return base + "/webhooks/" + channel.type() + "/" + channel.id();
  }
}
