package ai.stockclerk.agents.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard for tenants' webhook URLs; names resolve through a stub, never through real DNS. */
class WebhookUrlPolicyTest {

  private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, WebhookUrlPolicyTest::stubDns);

  @ParameterizedTest
  @ValueSource(strings = {
      "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
      "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/hook", "https://100.64.0.1/hook",
      "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook",
      "https://224.0.0.1/hook", "https://internal.example/hook", "https://rebinding.example/hook",
      "https://nowhere.example/hook"})
  void privateLoopbackLocalAndUnresolvableTargetsAreRefused(String url) {
    assertThatThrownBy(() -> strict.check(url)).isInstanceOf(AlertInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://public.example/hook", "ftp://public.example/hook", "https://user:pw@public.example/",
      "https://public.example/hook#frag", "not a url", "", "https:///nohost"})
  void onlyPlainHttpsUrlsAreAccepted(String url) {
    assertThatThrownBy(() -> strict.check(url)).isInstanceOf(AlertInputException.class);
  }

  @Test
  void aPublicHttpsUrlPasses() {
    assertThat(strict.check("https://public.example:8443/hooks/alerts?tenant=1").getHost()).isEqualTo("public.example");
    assertThat(strict.check("https://93.184.215.14/hook").getPort()).isEqualTo(-1);
  }

  @Test
  void theOperatorsOverrideAllowsLocalTargetsButNotMalformedOnes() {
    WebhookUrlPolicy open = new WebhookUrlPolicy(true, WebhookUrlPolicyTest::stubDns);
    assertThat(open.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
    assertThatThrownBy(() -> open.check("https://user:pw@127.0.0.1/")).isInstanceOf(AlertInputException.class);
  }

  private static InetAddress[] stubDns(String host) throws UnknownHostException {
    return switch (host) {
      case "public.example" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})};
      case "internal.example" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
      // One public and one private answer: any private address refuses the URL.
      case "rebinding.example" -> new InetAddress[] {
          InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}),
          InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
      default -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
          yield InetAddress.getAllByName(host); // literals: no DNS query is made
        }
        throw new UnknownHostException(host);
      }
    };
  }
}
