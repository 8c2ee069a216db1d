package ai.stockclerk.engine.queue.redis;

import ai.stockclerk.engine.JobKind;

/**
 * Key layout. Every key of a lane carries the lane in a hash tag, {@code <prefix>:{<lane>}:...}, so
 * one lane's keys sit in one Redis Cluster slot and its Lua scripts stay single-slot. The per-kind
 * ring of lanes with work lives under the tag {@code {ring}}.
 */
final class RedisLaneKeys {

  private final String prefix;

  RedisLaneKeys(String prefix) {
    this.prefix = prefix;
  }

  String base(String lane) {
    return prefix + ":{" + lane + "}:";
  }

  String ready(String lane, JobKind kind) {
    return base(lane) + "ready:" + kind.name();
  }

  String delayed(String lane, JobKind kind) {
    return base(lane) + "delayed:" + kind.name();
  }

  String inflight(String lane, JobKind kind) {
    return base(lane) + "inflight:" + kind.name();
  }

  String coalescing(String lane, JobKind kind) {
    return base(lane) + "ckey:" + kind.name();
  }

  String rate(String lane, JobKind kind) {
    return base(lane) + "rate:" + kind.name();
  }

  String paused(String lane) {
    return base(lane) + "paused";
  }

  String dead(String lane) {
    return base(lane) + "dead";
  }

  String job(String lane, String id) {
    return base(lane) + "j:" + id;
  }

  String[] ring(JobKind kind) {
    String ring = prefix + ":{ring}:";
    return new String[] {ring + "lanes-with-work:" + kind.name(), ring + "claims:" + kind.name(), ring + "tail:" + kind.name(),
        ring + "credit:" + kind.name()};
  }

  String claims(JobKind kind) {
    return ring(kind)[1];
  }

  String lanes(JobKind kind) {
    return prefix + ":{ring}:lanes:" + kind.name();
  }

  String kinds() {
    return prefix + ":{ring}:kinds";
  }
}
