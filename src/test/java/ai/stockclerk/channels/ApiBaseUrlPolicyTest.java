package ai.stockclerk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiBaseUrlPolicyTest {

  private final ApiBaseUrlPolicy locked =
      new ApiBaseUrlPolicy(new ChannelsProperties(false, List.of("*.myshopify.com", "api.example.com")));
  private final ApiBaseUrlPolicy open = new ApiBaseUrlPolicy(new ChannelsProperties(true, List.of()));

  @Test
  void allowListedHttpsHostsPass() {
    assertThat(locked.check("https://shop-1.myshopify.com")).contains(URI.create("https://shop-1.myshopify.com"));
    assertThat(locked.check("https://api.example.com/v2")).isPresent();
    assertThat(locked.check(null)).isEmpty();
    assertThat(locked.check(" ")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://shop-1.myshopify.com",           // not https
      "https://169.254.169.254/latest",        // cloud metadata
      "https://localhost:8080",                // loopback
      "https://myshopify.com.evil.test",       // suffix trick
      "https://evil.test/.myshopify.com",      // path trick
      "https://myshopify.com",                 // bare parent of the wildcard
      "https://user:pw@api.example.com",       // user info
  })
  void everythingElseIsRefusedWithoutTheOverride(String url) {
    assertThatThrownBy(() -> locked.check(url)).isInstanceOf(ApiBaseUrlPolicy.DisallowedUrlException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "gopher://x", "not a url", "https://"})
  void nonHttpUrlsAreRefusedEvenWithTheOverride(String url) {
    assertThatThrownBy(() -> open.check(url)).isInstanceOf(ApiBaseUrlPolicy.DisallowedUrlException.class);
  }

  @Test
  void theOverrideAllowsLocalSimulators() {
    assertThat(open.check("http://127.0.0.1:9999")).contains(URI.create("http://127.0.0.1:9999"));
  }
}
