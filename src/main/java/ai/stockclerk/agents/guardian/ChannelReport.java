package ai.stockclerk.agents.guardian;

import java.util.List;
import java.util.UUID;

/**
 * What a run found on one channel. Lists are capped (counts are not); {@code error} is set when the
 * channel could not be checked, in which case the other figures cover what was done before it failed.
 */
record ChannelReport(
    UUID channelId,
    String name,
    String type,
    int itemsChecked,
    int pendingPush,
    int driftFound,
    int driftRepaired,
    int driftFlagged,
    int missingCount,
    int unmatchedCount,
    List<ItemFinding> drift,
    List<String> missing,
    List<String> unmatched,
    String error) {

  static ChannelReport failed(UUID channelId, String name, String type, String error) {
    return new ChannelReport(channelId, name, type, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), error);
  }
}
