package ai.stockclerk.agents.alert;

import ai.stockclerk.store.NotificationSettingsRecord;
import ai.stockclerk.store.NotificationSettingsStore;
import ai.stockclerk.store.Tenancy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads and replaces a tenant's alert notification settings, checking and sealing what it stores. */
public class NotificationSettings {

  static final int MAX_RECIPIENTS = 20;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

  private final Tenancy tenancy;
  private final NotificationSettingsStore store;
  private final WebhookUrlPolicy urls;
  private final WebhookSecrets secrets;
  private final boolean mailConfigured;
  private final SecureRandom random = new SecureRandom();

  NotificationSettings(Tenancy tenancy, NotificationSettingsStore store, WebhookUrlPolicy urls,
      WebhookSecrets secrets, boolean mailConfigured) {
    this.tenancy = tenancy;
    this.store = store;
    this.urls = urls;
    this.secrets = secrets;
    this.mailConfigured = mailConfigured;
  }

  public NotificationSettingsView get(UUID tenantId) {
    return view(tenancy.inTenant(tenantId, store::get), null);
  }

  public NotificationSettingsView replace(UUID tenantId, NotificationSettingsChange change) {
    List<String> recipients = recipients(change.emailRecipients());
    if (change.emailEnabled() && recipients.isEmpty()) {
      throw new AlertInputException("e-mail notifications need at least one recipient");
    }
    String minimum = AlertSeverity.fromWireName(change.minimumSeverity() == null ? "low" : change.minimumSeverity())
        .orElseThrow(() -> new AlertInputException("minimumSeverity must be low, medium or high"))
        .wireName();
    String url = change.webhookUrl() == null || change.webhookUrl().isBlank() ? null : change.webhookUrl().trim();
    if (url != null) {
      urls.check(url);
    }
    if (change.webhookEnabled() && url == null) {
      throw new AlertInputException("webhook notifications need a webhook URL");
    }
    String given = change.webhookSecret();
    if (given != null && (given.length() < MIN_SECRET || given.length() > MAX_SECRET)) {
      throw new AlertInputException("the webhook secret must be " + MIN_SECRET + "-" + MAX_SECRET + " characters");
    }
    return tenancy.inTenant(tenantId, () -> {
      String sealed = store.get().webhookSecretEncrypted();
      String generated = null;
      if (given != null) {
        sealed = secrets.seal(tenantId, given);
      } else if (change.webhookEnabled() && sealed == null) {
        generated = newSecret();
        sealed = secrets.seal(tenantId, generated);
      }
      NotificationSettingsRecord saved = store.save(new NotificationSettingsRecord(change.emailEnabled(), recipients,
          change.webhookEnabled(), url, sealed, minimum, null));
      return view(saved, generated);
    });
  }

  private static List<String> recipients(List<String> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_RECIPIENTS) {
      throw new AlertInputException("at most " + MAX_RECIPIENTS + " e-mail recipients");
    }
    List<String> out = new ArrayList<>();
    for (String address : given) {
      String trimmed = address == null ? "" : address.trim();
      if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
        throw new AlertInputException("'" + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed)
            + "' is not an e-mail address");
      }
      String normalised = trimmed.toLowerCase(Locale.ROOT);
      if (!out.contains(normalised)) {
        out.add(normalised);
      }
    }
    return out;
  }

  private NotificationSettingsView view(NotificationSettingsRecord record, String generatedSecret) {
    return new NotificationSettingsView(record.emailEnabled(), record.emailRecipients(), mailConfigured,
        record.webhookEnabled(), record.webhookUrl(), record.webhookSecretEncrypted() != null,
        record.minimumSeverity(), record.updatedAt(), generatedSecret);
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
