package ai.stockclerk.channels.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator answers like a vendor's server, without a wait no vendor would add. */
class ChannelSimulatorHttpTest {

  @Test
  void answersCallsOnAKeptAliveConnectionWithoutWaitingForADelayedAck() throws Exception {
    try (ChannelSimulator simulator = ChannelSimulator.start("square", 0, null, null)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest stats = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/stats")).GET().build();
      client.send(stats, HttpResponse.BodyHandlers.ofString()); // opens the connection
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        long start = System.nanoTime();
        assertThat(client.send(stats, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        millis.add((System.nanoTime() - start) / 1_000_000);
      }
      Collections.sort(millis);
      // Without TCP_NODELAY the body, written apart from the headers, waits for the client's delayed
      // ACK: about 40 ms every call. The median is robust to a busy machine's occasional stall.
      assertThat(millis.get(millis.size() / 2)).as("median call, ms").isLessThan(25);
    }
  }
}
