package ai.stockclerk.api.security;

import ai.stockclerk.secrets.TokenSigningKey;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless bearer-token security. Open: health, info and metrics for the platform, the API
 * description, sign-up and login, and vendor webhooks (which prove themselves by signature).
 * Everything else needs a valid token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
            .permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login").permitAll()
            .requestMatchers("/error").permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(oauth -> oauth
            .jwt(jwt -> {})
            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required", request.getRequestURI())))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required", request.getRequestURI()))
            .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                "forbidden", "not allowed", request.getRequestURI())));
    return http.build();
  }

  /**
   * Vendor webhooks carry no bearer token and no session: each proves itself by its signature,
   * checked by the ingest over the raw bytes. Their own chain keeps only the firewall and the
   * filters a stateless open endpoint needs, which matters at hundreds of webhooks per second.
   */
  @Bean
  @Order(1)
  SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
    http.securityMatcher("/webhooks/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(c -> c.disable())
        .requestCache(c -> c.disable())
        .anonymous(a -> a.disable())
        .headers(h -> h.disable())
        .logout(l -> l.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  /** URLs the firewall refuses (encoded slashes, semicolons, ...) get problem+json like any bad request. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "invalid-request",
        "the request URL is not allowed", null);
  }

  @Bean
  JwtDecoder jwtDecoder(TokenSigningKey signingKey) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(signingKey.key()).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(TokenService.ISSUER),
        new JwtClaimValidator<String>(TokenService.TENANT, tenant -> tenant != null && !tenant.isBlank())));
    return decoder;
  }

  @Bean
  JwtEncoder jwtEncoder(TokenSigningKey signingKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(signingKey.key()));
  }

}
