package ai.stockclerk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the executable jar: `serve` (the default) and the operator's tools. */
@Command(
    name = "stockclerk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps stock levels in step across every channel a retailer sells on.",
    subcommands = {ServeCommand.class, BenchCommand.class, SimulateCommand.class, DemoCommand.class})
public class StockClerkCli implements Runnable {

  public static void main(String[] args) {
    String[] effective = args.length == 0 || args[0].startsWith("--") && !isHelpOrVersion(args[0])
        ? prepend("serve", args)
        : args;
    int exit = new CommandLine(new StockClerkCli()).execute(effective);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  private static boolean isHelpOrVersion(String arg) {
    return arg.equals("--help") || arg.equals("--version");
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
