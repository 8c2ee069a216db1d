package ai.stockclerk.cli.bench;

import ai.stockclerk.cli.JsonOutput;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.KindSettings;
import ai.stockclerk.engine.queue.redis.RedisJobQueue;
import ai.stockclerk.engine.redis.RedisBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Engine throughput with a no-op handler: producers enqueue while the workers drain. Latency is
 * enqueue to handler start, measured with the JVM's nano clock carried in the payload.
 */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "Jobs/s through the engine with a no-op handler.")
public class QueueBenchCommand implements Callable<Integer> {

  @Option(names = "--backend", defaultValue = "memory", description = "memory or redis (default ${DEFAULT-VALUE}).")
  String backend;

  @Option(names = "--redis-url", defaultValue = "${env:STOCKCLERK_REDIS_URL:-redis://127.0.0.1:6379}")
  String redisUrl;

  @Option(names = "--jobs", description = "Jobs to run (default: 1,000,000 in memory, 200,000 on Redis).")
  Integer jobs;

  @Option(names = "--tenants", defaultValue = "10")
  int tenants;

  @Option(names = "--workers", description = "Worker threads (default: 2 in memory, 16 on Redis).")
  Integer workers;

  @Option(names = "--producers", defaultValue = "2")
  int producers;

  @Option(names = "--batch", description = "Jobs a worker claims at once (default: 32 in memory, 64 on Redis).")
  Integer batch;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  private static final JobKind KIND = new JobKind("bench");
  /** Producers enqueue in chunks, as a sweep or a bulk import does. */
  private static final int ENQUEUE_CHUNK = 100;

  @Override
  public Integer call() throws Exception {
    BenchLogging.toStderr();
    boolean redis = backend.equals("redis");
    if (!redis && !backend.equals("memory")) {
      System.err.println("--backend must be memory or redis");
      return 2;
    }
    int total = jobs != null ? jobs : redis ? 200_000 : 1_000_000;
    int threads = workers != null ? workers : redis ? 16 : 2;
    int claimBatch = batch != null ? batch : redis ? 64 : 32;
    String prefix = "bench:" + UUID.randomUUID().toString().substring(0, 8);
    RedisBackend redisBackend = redis ? RedisBackend.connect(redisUrl, prefix) : null;
    CountDownLatch done = new CountDownLatch(total);
    LatencyRecorder latency = new LatencyRecorder(total);
    var builder = Engine.builder().nodeName("bench");
    if (redis) {
      builder.queue((clock, router, limits) -> new RedisJobQueue(redisBackend, false, clock, router, limits, claimBatch));
    } else {
      builder.queue((clock, router, limits) -> new ai.stockclerk.engine.queue.memory.InMemoryJobQueue(clock, router, limits, claimBatch));
    }
    Engine engine = builder.build().register(KIND, KindSettings.DEFAULT.workers(threads, threads).withClaimBatch(claimBatch), job -> {
      latency.record((System.nanoTime() - Long.parseLong(job.payload())) / 1_000);
      done.countDown();
    });
    try {
      long cpuStart = BenchCpu.processCpuNanos();
      long start = System.nanoTime();
      engine.start();
      Thread[] producerThreads = new Thread[producers];
      for (int p = 0; p < producers; p++) {
        int offset = p;
        producerThreads[p] = new Thread(() -> {
          List<JobRequest> chunk = new ArrayList<>(ENQUEUE_CHUNK);
          for (int i = offset; i < total; i += producers) {
            chunk.add(JobRequest.of("tenant" + (i % tenants), KIND, Long.toString(System.nanoTime())));
            if (chunk.size() == ENQUEUE_CHUNK) {
              engine.enqueueAll(chunk);
              chunk.clear();
            }
          }
          engine.enqueueAll(chunk);
        });
        producerThreads[p].start();
      }
      for (Thread producer : producerThreads) {
        producer.join();
      }
      long enqueued = System.nanoTime();
      if (!done.await(10, TimeUnit.MINUTES)) {
        System.err.println("timed out with " + done.getCount() + " jobs left");
        return 1;
      }
      long end = System.nanoTime();
      report(total, threads, claimBatch, start, enqueued, end, latency, BenchCpu.processCpuNanos() - cpuStart);
      return 0;
    } finally {
      engine.close();
      if (redisBackend != null) {
        BenchRedis.deletePrefix(redisBackend, prefix);
        redisBackend.close();
      }
    }
  }

  private void report(int total, int threads, int claimBatch, long start, long enqueued, long end, LatencyRecorder latency, long cpuNanos) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bench", "queue");
    out.put("backend", backend);
    out.put("jobs", total);
    out.put("tenants", tenants);
    out.put("workers", threads);
    out.put("producers", producers);
    out.put("claim_batch", claimBatch);
    out.put("jobs_per_s", Math.round(total / ((end - start) / 1e9)));
    out.put("enqueue_per_s", Math.round(total / ((enqueued - start) / 1e9)));
    out.put("p50_ms", latency.percentileMillis(50));
    out.put("p99_ms", latency.percentileMillis(99));
    out.put("seconds", Math.round((end - start) / 1e7) / 100.0);
    out.put("cpus", Runtime.getRuntime().availableProcessors());
    // On a shared machine wall-clock rates swing with other load; work per CPU-second of this process does not.
    out.put("jobs_per_cpu_s", Math.round(total / (cpuNanos / 1e9)));
    out.put("load_average", BenchCpu.loadAverage());
    if (json) {
      JsonOutput.print(out);
    } else {
      out.forEach((key, value) -> System.out.println(key + ": " + value));
    }
  }
}
