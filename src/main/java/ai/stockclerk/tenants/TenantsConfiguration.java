package ai.stockclerk.tenants;

import ai.stockclerk.secrets.SecretsProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class TenantsConfiguration {

  @Bean
  PasswordEncoder passwordEncoder(SecretsProperties properties) {
    return new BCryptPasswordEncoder(properties.bcryptStrength());
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
