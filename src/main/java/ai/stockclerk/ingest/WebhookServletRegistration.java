package ai.stockclerk.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** Serves {@code /webhooks/*} with {@link WebhookServlet}, beside Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
class WebhookServletRegistration {

  /** Where vendors deliver: the servlet's mapping, and how its requests are told apart. */
  private static final String SERVLET_PATH = "/webhooks";

  @Bean
  ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookIngest ingest, MeterRegistry meters,
      @Value("${stockclerk.flow.webhook-max-bytes:1048576}") int maxBytes) {
    ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
        new WebhookServlet(ingest, new WebhookOutcomes(meters), maxBytes), SERVLET_PATH + "/*");
    registration.setName("webhooks");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** Webhook requests are counted by {@link WebhookOutcomes}, not observed one by one. */
  @Bean
  ObservationPredicate webhooksCountedNotObserved() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext request
        && request.getCarrier() != null && SERVLET_PATH.equals(request.getCarrier().getServletPath()));
  }
}
