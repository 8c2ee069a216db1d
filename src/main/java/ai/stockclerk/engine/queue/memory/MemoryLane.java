package ai.stockclerk.engine.queue.memory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One lane of one kind: ready jobs in order, counts, coalescing keys, dead letters. */
final class MemoryLane {

  final ArrayDeque<MemoryJob> ready = new ArrayDeque<>();
  final Map<String, MemoryJob> byCoalescingKey = new HashMap<>(4);
  final Map<String, MemoryJob> dead = new LinkedHashMap<>(4);
  int running;
  int delayed;
  long minute = -1;
  int startedThisMinute;

  long depth() {
    return ready.size() + delayed;
  }

  int startedIn(long currentMinute) {
    return minute == currentMinute ? startedThisMinute : 0;
  }

  void countStart(long currentMinute) {
    if (minute != currentMinute) {
      minute = currentMinute;
      startedThisMinute = 0;
    }
    startedThisMinute++;
  }
}
