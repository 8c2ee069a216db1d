package ai.stockclerk.channels.ubereats;

/** Names of the Uber Eats credentials and settings a channel carries. */
final class UberEatsCredentials {

  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";
  /** Setting: the Uber Eats store id (also {@code meta.user_id} in webhooks). */
  static final String STORE_ID = "storeId";

  private UberEatsCredentials() {}
}
