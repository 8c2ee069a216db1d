package ai.stockclerk.api;

import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.ChannelItemRecord;
import ai.stockclerk.store.ChannelItemStore;
import ai.stockclerk.store.Tenancy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Which item on which channel is which product. */
@RestController
@RequestMapping("/api/v1/mappings")
class MappingController {

  private final ChannelItemStore items;
  private final Tenancy tenancy;

  MappingController(ChannelItemStore items, Tenancy tenancy) {
    this.items = items;
    this.tenancy = tenancy;
  }

  record CreateMapping(
      @NotNull UUID productId,
      @NotNull UUID channelId,
      @NotBlank @Size(max = 255) String externalId,
      @Size(max = 255) String externalSku) {}

  record MappingView(UUID id, UUID productId, UUID channelId, String externalId, String externalSku,
      Integer reportedLevel, Instant reportedAt, Integer desiredLevel, Integer pushedLevel, Instant pushedAt,
      boolean pendingPush, Instant createdAt) {
    static MappingView of(ChannelItemRecord i) {
      return new MappingView(i.id(), i.productId(), i.channelId(), i.externalId(), i.externalSku(),
          i.reportedLevel(), i.reportedAt(), i.desiredLevel(), i.pushedLevel(), i.pushedAt(), i.dirty(),
          i.createdAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  MappingView create(Caller caller, @Valid @RequestBody CreateMapping request) {
    return tenancy.inTenant(caller.tenantId(), () -> MappingView.of(items.create(request.productId(),
        request.channelId(), request.externalId().trim(), request.externalSku())));
  }

  @GetMapping
  List<MappingView> list(Caller caller, @RequestParam(required = false) UUID productId,
      @RequestParam(required = false) UUID channelId) {
    return tenancy.inTenant(caller.tenantId(),
        () -> items.list(productId, channelId).stream().map(MappingView::of).toList());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable UUID id) {
    tenancy.runInTenant(caller.tenantId(), () -> items.delete(id));
  }
}
