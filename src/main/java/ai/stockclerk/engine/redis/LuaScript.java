package ai.stockclerk.engine.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

  @Override
  public String toString() {
    return "LuaScript[" + name + "]";
  }
}
