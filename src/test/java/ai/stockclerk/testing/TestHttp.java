package ai.stockclerk.testing;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** HTTP for tests that call the service. */
public final class TestHttp {

  private TestHttp() {}

  /**
   * The JDK's client, which hands back every answer as it came. Spring would otherwise pick Apache
   * HttpClient (on the class path for vendor calls), whose default strategy repeats a 429 or 503
   * after its Retry-After, hiding exactly the answers tests look at.
   */
  public static ClientHttpRequestFactory plainFactory() {
    return new JdkClientHttpRequestFactory();
  }
}
