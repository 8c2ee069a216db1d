package ai.stockclerk.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves {@code /webhooks/*} with {@link WebhookServlet}, beside Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
class WebhookServletRegistration {

  @Bean
  ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookIngest ingest,
      @Value("${stockclerk.flow.webhook-max-bytes:1048576}") int maxBytes) {
    ServletRegistrationBean<WebhookServlet> registration =
        new ServletRegistrationBean<>(new WebhookServlet(ingest, maxBytes), "/webhooks/*");
    registration.setName("webhooks");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
