package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.NotificationSettingsRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts one alert to the tenant's webhook, signed. Redirects are not followed (a redirect could
 * lead past the URL check). 2xx is success; 3xx and 4xx other than 408 and 429 are the receiver refusing
 * the request as such and are not retried; anything else is.
 */
class WebhookSender implements AlertSender {

  private final HttpClient http;
  private final WebhookUrlPolicy urls;
  private final WebhookSecrets secrets;
  private final Clock clock;
  private final Duration timeout;

  WebhookSender(WebhookUrlPolicy urls, WebhookSecrets secrets, Clock clock, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.urls = urls;
    this.secrets = secrets;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public Optional<String> cancelReason(NotificationSettingsRecord settings) {
    return settings.webhookEnabled() && settings.webhookUrl() != null && settings.webhookSecretEncrypted() != null
        ? Optional.empty() : Optional.of("the webhook was turned off before the send");
  }

  @Override
  public void send(AlertDeliveryRecord delivery, NotificationSettingsRecord settings) throws SendFailure {
    URI target;
    try {
      target = urls.check(settings.webhookUrl());
    } catch (AlertInputException refused) {
      throw new SendFailure("webhook URL refused: " + refused.getMessage(), false);
    }
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    String signature = WebhookSignature.sign(secrets.open(delivery.tenantId(), settings.webhookSecretEncrypted()),
        timestamp, body);
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "StockClerk-Alerts/1")
        .header(WebhookSignature.EVENT_HEADER, AlertTopics.ALERT_RAISED)
        .header(WebhookSignature.DELIVERY_HEADER, delivery.id().toString())
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER, signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    int status = post(request);
    if (status >= 200 && status < 300) {
      return;
    }
    boolean permanent = status >= 300 && status < 500 && status != 408 && status != 429;
    throw new SendFailure("webhook answered HTTP " + status, permanent);
  }

  private int post(HttpRequest request) throws SendFailure {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new SendFailure("webhook not reachable: " + e.getClass().getSimpleName(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailure("interrupted while sending the webhook", false);
    }
  }
}
