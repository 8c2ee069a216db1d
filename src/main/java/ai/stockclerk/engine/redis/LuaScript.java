package ai.stockclerk.engine.redis;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/** A Lua script from {@code resources/engine}, run by SHA and loaded again if Redis forgot it. */
public final class LuaScript {

  private final String name;
  private final String source;
  private volatile String sha;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
  }

  public static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/engine/" + name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing script engine/" + name + ".lua");
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  public <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    String current = sha;
    if (current == null) {
      current = sha = redis.scriptLoad(source);
    }
    try {
      return redis.evalsha(current, type, keys, args);
    } catch (RedisNoScriptException restarted) {
      sha = redis.scriptLoad(source);
      return redis.evalsha(sha, type, keys, args);
    }
  }

  /** Sends the script without waiting, so it pipelines with other commands on the connection. */
  public <T> RedisFuture<T> runAsync(RedisCommands<String, String> redis, RedisAsyncCommands<String, String> async,
      ScriptOutputType type, String[] keys, String... args) {
    String current = sha;
    if (current == null) {
      current = sha = redis.scriptLoad(source);
    }
    return async.evalsha(current, type, keys, args);
  }

  /** Waits for an async run; if Redis lost its scripts meanwhile, runs it again synchronously. */
  public <T> T await(RedisFuture<T> future, RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    try {
      return future.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RedisCommandInterruptedException(interrupted);
    } catch (ExecutionException failure) {
      if (failure.getCause() instanceof RedisNoScriptException) {
        return run(redis, type, keys, args);
      }
      if (failure.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new RedisException(failure.getCause());
    }
  }

  @Override
  public String toString() {
    return "LuaScript[" + name + "]";
  }
}
