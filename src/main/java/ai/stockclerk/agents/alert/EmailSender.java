package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.NotificationSettingsRecord;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mails one alert to the tenant's recipients over the operator's SMTP server. Problems with the
 * message itself are permanent; a server that is down or refuses for now is retried.
 */
class EmailSender implements AlertSender {

  private final JavaMailSender mail;
  private final String from;

  EmailSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public Optional<String> cancelReason(NotificationSettingsRecord settings) {
    return settings.emailEnabled() && !settings.emailRecipients().isEmpty()
        ? Optional.empty() : Optional.of("e-mail was turned off before the send");
  }

  @Override
  public void send(AlertDeliveryRecord delivery, NotificationSettingsRecord settings) throws SendFailure {
    MimeMessage message;
    try {
      message = compose(delivery, settings);
    } catch (MessagingException | MailException e) {
      throw new SendFailure("the alert e-mail could not be composed", true);
    }
    try {
      mail.send(message);
    } catch (MailParseException | MailPreparationException e) {
      throw new SendFailure("the alert e-mail was refused as malformed", true);
    } catch (MailException e) {
      throw new SendFailure("SMTP send failed: " + e.getClass().getSimpleName(), false);
    }
  }

  private MimeMessage compose(AlertDeliveryRecord delivery, NotificationSettingsRecord settings)
      throws MessagingException {
    Map<String, Object> alert = AlertJson.readMap(delivery.payload());
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(settings.emailRecipients().toArray(String[]::new));
    helper.setSubject(subject(alert));
    helper.setText(body(alert), false);
    // Lets a mail system (and a person) tell a repeat of this very send from a new alert.
    message.setHeader(WebhookSignature.DELIVERY_HEADER, delivery.id().toString());
    return message;
  }

  private static String subject(Map<String, Object> alert) {
    return "[StockClerk] " + String.valueOf(alert.get("severity")).toUpperCase(java.util.Locale.ROOT) + " "
        + String.valueOf(alert.get("type")).replace('_', ' ') + ": " + oneLine(alert.get("message"), 120);
  }

  private static String body(Map<String, Object> alert) {
    return alert.get("message") + "\n\n"
        + "Type: " + alert.get("type") + "\n"
        + "Severity: " + alert.get("severity") + "\n"
        + "Subject: " + alert.get("subject") + "\n"
        + "First seen: " + alert.get("firstSeen") + "\n"
        + "Details: " + AlertJson.write(alert.get("metadata")) + "\n"
        + "Alert id: " + alert.get("alertId") + "\n";
  }

  private static String oneLine(Object text, int max) {
    String line = String.valueOf(text).replaceAll("[\\r\\n]+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
