package ai.stockclerk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The Redis tests use: 127.0.0.1:6379 when it answers PING within ~300 ms, otherwise one embedded
 * Redis (6.2) per JVM on a free port, stopped when the JVM exits. Tests must use a unique key
 * prefix ({@link #uniquePrefix}) so runs never collide on a shared server. Run with
 * {@code -Dstockclerk.test.redis=embedded} to check Redis 6.2 compatibility on a machine with Redis 7.
 */
public final class TestRedis {

  private static final String LOCAL_HOST = "127.0.0.1";
  private static final int LOCAL_PORT = 6379;
  private static volatile String uri;

  private TestRedis() {}

  /** A redis:// URI of a server that answers. */
  public static String uri() {
    String current = uri;
    if (current == null) {
      synchronized (TestRedis.class) {
        if (uri == null) {
          boolean forceEmbedded = "embedded".equals(System.getProperty("stockclerk.test.redis"));
          uri = !forceEmbedded && answersPing(LOCAL_HOST, LOCAL_PORT)
              ? "redis://" + LOCAL_HOST + ":" + LOCAL_PORT
              : startEmbedded();
        }
        current = uri;
      }
    }
    return current;
  }

  /** A key prefix no other test run uses. */
  public static String uniquePrefix(String name) {
    return "test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  static boolean answersPing(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 300);
      socket.setSoTimeout(300);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      InputStream in = socket.getInputStream();
      int read = in.read(reply);
      return read >= 5 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException unreachable) {
      return false;
    }
  }

  private static String startEmbedded() {
    try {
      int port = freePort();
      RedisServer server = RedisServer.newRedisServer().port(port).bind(LOCAL_HOST)
          .setting("save \"\"").setting("appendonly no").build();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
      return "redis://" + LOCAL_HOST + ":" + port;
    } catch (IOException failure) {
      throw new IllegalStateException("no Redis at 127.0.0.1:6379 and the embedded one did not start", failure);
    }
  }

  private static void stopQuietly(RedisServer server) {
    try {
      server.stop();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
