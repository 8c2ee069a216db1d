package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Access tokens per key (a channel id, or a client id for vendors whose token serves every store
 * of an app, like Uber Eats with its 100 tokens per hour limit). A token is renewed {@code
 * refreshBefore} its expiry; concurrent callers for one key share one fetch. When a call is
 * refused with a token believed valid (revoked, rotated), the token is dropped and the call made
 * once more with a fresh one.
 */
public final class OAuthTokenCache {

  public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofMinutes(5);

  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration refreshBefore;

  public OAuthTokenCache(Clock clock, Duration refreshBefore) {
    this.clock = clock;
    this.refreshBefore = refreshBefore;
  }

  public static OAuthTokenCache systemDefault() {
    return new OAuthTokenCache(Clock.systemUTC(), DEFAULT_REFRESH_BEFORE);
  }

  /** A token for {@code key} that is good for at least {@code refreshBefore}, minting one if needed. */
  public String token(String key, ChannelConnection connection, TokenSource source) {
    AccessToken cached = tokens.get(key);
    if (fresh(cached)) {
      return cached.value();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      AccessToken again = tokens.get(key);
      if (fresh(again)) {
        return again.value();
      }
      AccessToken minted = source.fetch(connection);
      tokens.put(key, minted);
      return minted.value();
    }
  }

  /** Runs {@code call} with a token; on an authentication refusal, once more with a new token. */
  public <T> T withToken(String key, ChannelConnection connection, TokenSource source, Function<String, T> call) {
    String token = token(key, connection, source);
    try {
      return call.apply(token);
    } catch (ChannelException refused) {
      if (refused.failure() != Failure.AUTHENTICATION) {
        throw refused;
      }
      // Drop only the token that was refused: another thread may have minted a newer one.
      tokens.computeIfPresent(key, (k, current) -> current.value().equals(token) ? null : current);
      return call.apply(token(key, connection, source));
    }
  }

  public void invalidate(String key) {
    tokens.remove(key);
  }

  private boolean fresh(AccessToken token) {
    return token != null && clock.instant().plus(refreshBefore).isBefore(token.expiresAt());
  }
}
