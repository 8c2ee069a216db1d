package ai.stockclerk.store;

/** A reachable PostgreSQL server and the owner credentials to migrate it with. */
public record DatabaseEndpoint(String jdbcUrl, String username, String password) {
  @Override
  public String toString() {
    return "DatabaseEndpoint[" + jdbcUrl + " as " + username + "]";
  }
}
