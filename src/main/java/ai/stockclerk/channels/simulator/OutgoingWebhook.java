package ai.stockclerk.channels.simulator;

import java.util.Map;

/** A webhook the simulator sends, signed as its vendor signs it. */
public record OutgoingWebhook(Map<String, String> headers, byte[] body) {

  public OutgoingWebhook {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
