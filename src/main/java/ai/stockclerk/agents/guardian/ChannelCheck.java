package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ExpectedLevel;
import ai.stockclerk.store.ObservedLevel;
import ai.stockclerk.store.ReconcileStore;
import ai.stockclerk.store.Tenancy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reconciles one channel: one query for the levels it should show, one bulk read (all pages) of what
 * it shows (the catalogue listing, when unmatched items are reported and it carries levels), a
 * second look at the few items that seem to drift (a sale may have landed meanwhile), then one
 * statement that records what was seen and marks the small drift for the Sync agent.
 */
class ChannelCheck {

  private final Tenancy tenancy;
  private final ReconcileStore store;
  private final ChannelConnections connections;
  private final ChannelRegistry registry;
  private final SyncTrigger sync;
  private final DriftReporting reporting;
  private final DriftJudge judge;
  private final GuardianProperties properties;

  ChannelCheck(Tenancy tenancy, ReconcileStore store, ChannelConnections connections, ChannelRegistry registry,
      SyncTrigger sync, DriftReporting reporting, GuardianProperties properties) {
    this.tenancy = tenancy;
    this.store = store;
    this.connections = connections;
    this.registry = registry;
    this.sync = sync;
    this.reporting = reporting;
    this.judge = new DriftJudge(properties.autoRepairThreshold());
    this.properties = properties;
  }

  ChannelReport check(UUID tenantId, ChannelRecord channel, UUID productId) {
    ChannelType type = ChannelType.fromWireName(channel.type()).orElse(null);
    if (type == null) {
      return ChannelReport.failed(channel.id(), channel.name(), channel.type(), "unknown channel type");
    }
    ChannelConnection connection = connections.of(channel);
    ChannelConnector connector = registry.connectorFor(type);
    List<ExpectedLevel> expected = tenancy.inTenant(tenantId, () -> store.expectedLevels(channel.id(), productId));
    List<String> externalIds = expected.stream().map(ExpectedLevel::externalId).toList();
    List<CatalogItem> listing = productId == null && properties.reportUnmatched() ? connector.listCatalog(connection)
        : null;
    Set<String> catalogue = listing == null ? null : catalogueIds(listing);
    Map<String, Integer> shown = shownLevels(connector, connection, externalIds, listing);

    Tally tally = new Tally(properties.maxReportedItems());
    List<ExpectedLevel> suspects = new ArrayList<>();
    for (ExpectedLevel item : expected) {
      Integer actual = shown.get(item.externalId());
      if (actual == null || catalogue != null && !catalogue.contains(item.externalId())) {
        tally.missing(item.externalId());
      } else if (item.dirty()) {
        tally.pending++;
      } else if (judge.judge(type, item.stock(), item.bufferStock(), actual).kind() != Verdict.Kind.IN_STEP) {
        suspects.add(item);
      }
    }
    tally.checked = expected.size() - tally.missingCount;
    confirm(tenantId, channel, type, suspects, shown, tally);
    if (catalogue != null) {
      Set<String> mapped = new HashSet<>(externalIds);
      List<String> strays = catalogue.stream().filter(id -> !mapped.contains(id)).sorted().toList();
      tally.unmatchedCount = strays.size();
      tally.unmatched.addAll(strays.subList(0, Math.min(strays.size(), properties.maxReportedItems())));
      reporting.unmatched(tenantId, channel.id(), tally.unmatched);
    }
    return tally.report(channel, type);
  }

  /** Judges the suspects again against stock read now, then records and acts on what still drifts. */
  private void confirm(UUID tenantId, ChannelRecord channel, ChannelType type, List<ExpectedLevel> suspects,
      Map<String, Integer> shown, Tally tally) {
    if (suspects.isEmpty()) {
      return;
    }
    List<ItemFinding> flagged = new ArrayList<>();
    tenancy.runInTenant(tenantId, () -> {
      List<ObservedLevel> observed = new ArrayList<>();
      for (ExpectedLevel now : store.expectedLevelsOf(suspects.stream().map(ExpectedLevel::itemId).toList())) {
        int actual = shown.get(now.externalId());
        Verdict verdict = judge.judge(type, now.stock(), now.bufferStock(), actual);
        if (now.dirty()) {
          tally.pending++;
          continue;
        }
        if (verdict.kind() == Verdict.Kind.IN_STEP) {
          continue;
        }
        boolean repair = verdict.kind() == Verdict.Kind.REPAIR;
        ItemFinding finding = new ItemFinding(now.itemId(), now.productId(), now.externalId(), verdict.expected(),
            actual, verdict.drift(), repair ? "repaired" : "flagged", DriftSeverity.of(verdict.drift()).wireName());
        tally.drift(finding, repair);
        observed.add(new ObservedLevel(now.itemId(), actual, repair));
        if (!repair) {
          flagged.add(finding);
        }
      }
      store.recordObserved(observed);
    });
    if (tally.repaired > 0) {
      sync.request(tenantId, channel.id());
    }
    flagged.forEach(finding -> reporting.flagged(tenantId, channel.id(), channel.name(), finding));
  }

  private static Set<String> catalogueIds(List<CatalogItem> listing) {
    Set<String> ids = new HashSet<>();
    for (CatalogItem item : listing) {
      ids.add(item.externalId());
    }
    return ids;
  }

  /**
   * What the channel shows for the mapped items. Most catalogue listings carry the level already
   * (several connectors read levels to build them), so with a listing at hand only the items it
   * lists without a level are read again; an item it does not list at all is missing either way.
   */
  private static Map<String, Integer> shownLevels(ChannelConnector connector, ChannelConnection connection,
      List<String> externalIds, List<CatalogItem> listing) {
    if (externalIds.isEmpty()) {
      return Map.of();
    }
    if (listing == null) {
      return connector.readLevels(connection, externalIds);
    }
    Map<String, Integer> listed = new HashMap<>();
    Set<String> listedWithoutLevel = new HashSet<>();
    for (CatalogItem item : listing) {
      if (item.level() != null) {
        listed.put(item.externalId(), item.level());
      } else {
        listedWithoutLevel.add(item.externalId());
      }
    }
    Map<String, Integer> shown = new HashMap<>();
    List<String> unread = new ArrayList<>();
    for (String id : externalIds) {
      Integer level = listed.get(id);
      if (level != null) {
        shown.put(id, level);
      } else if (listedWithoutLevel.contains(id)) {
        unread.add(id);
      }
    }
    if (!unread.isEmpty()) {
      shown.putAll(connector.readLevels(connection, unread));
    }
    return shown;
  }

  /** Running figures of one channel's check; lists stop growing at the cap, counts do not. */
  private static final class Tally {
    private final int cap;
    private final List<ItemFinding> drift = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> unmatched = new ArrayList<>();
    private int checked;
    private int pending;
    private int repaired;
    private int flagged;
    private int missingCount;
    private int unmatchedCount;

    Tally(int cap) {
      this.cap = cap;
    }

    void missing(String externalId) {
      missingCount++;
      if (missing.size() < cap) {
        missing.add(externalId);
      }
    }

    void drift(ItemFinding finding, boolean repair) {
      if (repair) {
        repaired++;
      } else {
        flagged++;
      }
      if (drift.size() < cap) {
        drift.add(finding);
      }
    }

    ChannelReport report(ChannelRecord channel, ChannelType type) {
      return new ChannelReport(channel.id(), channel.name(), type.wireName(), checked, pending, repaired + flagged,
          repaired, flagged, missingCount, unmatchedCount, List.copyOf(drift), List.copyOf(missing),
          List.copyOf(unmatched), null);
    }
  }
}
