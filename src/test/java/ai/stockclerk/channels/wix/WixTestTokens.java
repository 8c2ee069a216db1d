package ai.stockclerk.channels.wix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds Wix webhook bodies the way Wix does: the envelope as a JWT signed RS256. */
final class WixTestTokens {

  static final KeyPair WIX_KEYS = generate();
  static final KeyPair OTHER_KEYS = generate();
  static final String INSTANCE_ID = "1f2e3d4c-aaaa-4bbb-8ccc-0123456789ab";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private WixTestTokens() {}

  static String publicKeyPem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  static String resource(String name) {
    try (InputStream in = WixTestTokens.class.getResourceAsStream("/channels/wix/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JWT payload Wix sends: {data: "<envelope JSON>", iat, exp}. */
  static String payload(String eventJson, Instant iat, Instant exp) {
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("eventType", "wix.stores.catalog.v3.inventory_item_updated");
    envelope.put("instanceId", INSTANCE_ID);
    envelope.put("data", eventJson);
    envelope.put("identity", "{\"identityType\":\"APP\"}");
    ObjectNode claims = MAPPER.createObjectNode();
    claims.put("data", MAPPER.writeValueAsString(envelope));
    if (iat != null) {
      claims.put("iat", iat.getEpochSecond());
    }
    if (exp != null) {
      claims.put("exp", exp.getEpochSecond());
    }
    return MAPPER.writeValueAsString(claims);
  }

  static String jwt(String payloadJson, PrivateKey key) {
    return jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payloadJson, key);
  }

  static String jwt(String headerJson, String payloadJson, PrivateKey key) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + B64URL.encodeToString(sign(input, key));
  }

  static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sign(String input, PrivateKey key) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
