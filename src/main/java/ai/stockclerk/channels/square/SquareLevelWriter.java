package ai.stockclerk.channels.square;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Absolute counts with {@code /v2/inventory/changes/batch-create}: PHYSICAL_COUNT changes, 100 a
 * call, each call with an idempotency key. The key is derived from the updates' own keys when all
 * have one (a redelivered push is then dropped by Square), else random per call: reusing a key for
 * the same level set again later would make Square silently ignore the later set. A call refused
 * for an item (Square fails the whole call) is split in halves until the culprit is found.
 */
final class SquareLevelWriter {

  private final SquareApi api;
  private final Clock clock;

  SquareLevelWriter(SquareApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  PushResult setLevels(ChannelConnection connection, String location, List<LevelUpdate> updates) {
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (List<LevelUpdate> batch : Batches.split(updates, SquareConnector.BATCH_LIMIT)) {
      sendIsolatingFailures(connection, location, batch, acknowledged, rejected);
    }
    return new PushResult(acknowledged, rejected);
  }

  private void sendIsolatingFailures(ChannelConnection connection, String location, List<LevelUpdate> batch,
      List<String> acknowledged, Map<String, String> rejected) {
    try {
      send(connection, location, batch);
      batch.forEach(u -> acknowledged.add(u.externalId()));
    } catch (ChannelException refused) {
      if (refused.failure() != Failure.ITEM_PERMANENT) {
        throw refused;
      }
      if (batch.size() == 1) {
        rejected.put(batch.get(0).externalId(), refused.getMessage());
        return;
      }
      int half = batch.size() / 2;
      sendIsolatingFailures(connection, location, batch.subList(0, half), acknowledged, rejected);
      sendIsolatingFailures(connection, location, batch.subList(half, batch.size()), acknowledged, rejected);
    }
  }

  private void send(ChannelConnection connection, String location, List<LevelUpdate> batch) {
    ObjectNode body = Json.object().put("idempotency_key", idempotencyKey(batch)).put("ignore_unchanged_counts", true);
    ArrayNode changes = body.putArray("changes");
    String now = clock.instant().toString();
    for (LevelUpdate update : batch) {
      changes.addObject().put("type", "PHYSICAL_COUNT").putObject("physical_count")
          .put("catalog_object_id", update.externalId())
          .put("location_id", location)
          .put("state", "IN_STOCK")
          .put("quantity", Integer.toString(update.level()))
          .put("occurred_at", now);
    }
    api.post(connection, "/v2/inventory/changes/batch-create", body);
  }

  /** At most 128 characters, as Square requires. */
  static String idempotencyKey(List<LevelUpdate> batch) {
    if (batch.stream().anyMatch(u -> u.idempotencyKey() == null)) {
      return UUID.randomUUID().toString();
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (LevelUpdate update : batch) {
        sha.update(update.idempotencyKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "sc-" + Hmacs.hex(sha.digest());
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
