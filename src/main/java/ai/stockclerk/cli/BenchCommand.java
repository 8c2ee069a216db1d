package ai.stockclerk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that back the figures in docs/PERFORMANCE.md; each prints one JSON object with --json. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark.",
    subcommands = {ai.stockclerk.cli.bench.QueueBenchCommand.class,
        ai.stockclerk.cli.bench.FairnessBenchCommand.class, ai.stockclerk.cli.bench.FlowBenchCommand.class,
        ai.stockclerk.cli.bench.GuardianBenchCommand.class})
public class BenchCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
