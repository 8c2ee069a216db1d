package ai.stockclerk.channels.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One to four edits of a documented payload: a byte flipped, dropped or inserted, or the rest cut off. */
public final class PayloadMutations {

  /** Bytes that make or break JSON, so edits often stay close to valid and reach the parser. */
  public static final String JSON_TOKENS = "{}[]\",:-0123456789e.\\ ntul";

  private static final int REPLACE = 0;
  private static final int DROP = 1;
  private static final int INSERT = 2;

  private PayloadMutations() {}

  public static Arbitrary<byte[]> of(byte[] original, String tokens) {
    byte[] structural = tokens.getBytes(StandardCharsets.US_ASCII);
    Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
        Arbitraries.integers().between(0, structural.length - 1).map(i -> structural[i]));
    Arbitrary<int[]> edit = Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, original.length - 1), value)
        .as((kind, at, b) -> new int[] {kind, at, b});
    return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
      byte[] bytes = original.clone();
      for (int[] e : edits) {
        bytes = apply(bytes, e[0], Math.min(e[1], Math.max(0, bytes.length - 1)), (byte) e[2]);
      }
      return bytes;
    });
  }

  private static byte[] apply(byte[] bytes, int kind, int at, byte value) {
    if (bytes.length == 0) {
      return new byte[] {value};
    }
    return switch (kind) {
      case REPLACE -> { byte[] copy = bytes.clone(); copy[at] = value; yield copy; }
      case DROP -> { byte[] copy = new byte[bytes.length - 1]; System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1); yield copy; }
      case INSERT -> { byte[] copy = new byte[bytes.length + 1]; System.arraycopy(bytes, 0, copy, 0, at); copy[at] = value;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at); yield copy; }
      default -> Arrays.copyOf(bytes, at);
    };
  }
}
