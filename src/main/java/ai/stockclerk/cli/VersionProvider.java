package ai.stockclerk.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = StockClerkCli.class.getPackage().getImplementationVersion();
    return new String[] {"stockclerk " + (version == null ? "dev" : version)};
  }
}
