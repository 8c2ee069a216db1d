package ai.stockclerk.agents.guardian;

import static org.awaitility.Awaitility.await;

import ai.stockclerk.agents.FlowFixture;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The flow's tenant with its three simulated channels, plus running reconciliations; product n is
 * {@code sq-n}, {@code n} and {@code d-n}.
 */
final class GuardianFixture extends FlowFixture {

  GuardianFixture(TestApi api, int port, String name) {
    super(api, port, name);
    withChannels();
  }

  /** A product on all three channels, each already showing the level it should. */
  UUID product(int n, int stock, int buffer) {
    return product(n, stock, buffer, stock - buffer > 0 ? 1 : 0);
  }

  /** Runs a reconciliation, waiting out a scheduled run that may hold the tenant's lease. */
  ApiCall reconcile(Map<String, Object> scope) {
    ApiCall[] last = new ApiCall[1];
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = api.post("/api/v1/sync/reconcile", tenant.token(), scope);
      return last[0].status() != 409;
    });
    TestApi.expect(last[0], 200);
    return last[0];
  }

  /** Waits until the first pushes are done and a run finds every channel in step. */
  void awaitInStep(int items) {
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
      ApiCall run = reconcile(Map.of());
      return run.body().path("itemsChecked").asInt() == items && run.body().path("driftFound").asInt() == 0
          && pending(run) == 0;
    });
  }

  static int pending(ApiCall run) {
    int pending = 0;
    for (var channel : run.body().path("report").path("channels")) {
      pending += channel.path("pendingPush").asInt();
    }
    return pending;
  }
}
