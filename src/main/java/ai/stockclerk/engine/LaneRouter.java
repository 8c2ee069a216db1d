package ai.stockclerk.engine;

/** Maps a tenant to its lane: its own, or the shared one. */
@FunctionalInterface
public interface LaneRouter {

  /** The shared lane's key; tenant ids cannot start with '~', so it never collides with one. */
  String SHARED_LANE = "~shared";

  LaneRouter PER_TENANT = tenant -> tenant;

  String laneOf(String tenant);
}
