package ai.stockclerk.api.security;

import ai.stockclerk.secrets.SecretsProperties;
import ai.stockclerk.tenants.Session;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues HS256 access tokens carrying tenant, user and role. */
@Component
public class TokenService {

  static final String ISSUER = "stockclerk";
  static final String TENANT = "tid";
  static final String ROLE = "role";
  static final String SUPER_ADMIN = "sa";

  private final JwtEncoder encoder;
  private final SecretsProperties properties;
  private final Clock clock;

  TokenService(JwtEncoder encoder, SecretsProperties properties, Clock clock) {
    this.encoder = encoder;
    this.properties = properties;
    this.clock = clock;
  }

  /** A signed token and when it stops being accepted. */
  public record IssuedToken(String token, Instant expiresAt) {}

  public IssuedToken issue(Session session) {
    Instant now = clock.instant();
    Instant expires = now.plus(properties.tokenTtl());
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(ISSUER)
        .subject(session.userId().toString())
        .issuedAt(now)
        .expiresAt(expires)
        .claim(TENANT, session.tenantId().toString())
        .claim(ROLE, session.role())
        .claim(SUPER_ADMIN, session.superAdmin())
        .build();
    String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
        .getTokenValue();
    return new IssuedToken(token, expires);
  }
}
