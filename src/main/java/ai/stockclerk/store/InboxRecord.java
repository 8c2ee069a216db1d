package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** One accepted webhook as kept in the inbox: the raw bytes and headers it arrived with. */
public record InboxRecord(
    long id, UUID channelId, String dedupKey, byte[] body, String headersJson, Instant receivedAt, String status,
    int attempts) {

  @Override
  public String toString() {
    return "InboxRecord[id=" + id + ", channel=" + channelId + ", status=" + status + "]";
  }
}
