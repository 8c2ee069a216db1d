package ai.stockclerk.cli.bench;

import java.util.Arrays;

/** Collects latencies in microseconds from many threads and reports percentiles. */
final class LatencyRecorder {

  private final long[] micros;
  private int size;

  LatencyRecorder(int capacity) {
    micros = new long[capacity];
  }

  synchronized void record(long value) {
    if (size < micros.length) {
      micros[size++] = value;
    }
  }

  synchronized int count() {
    return size;
  }

  /** The p-th percentile (0..100) in milliseconds. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(micros, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
    return Math.round(sorted[index] / 10.0) / 100.0;
  }
}
