package ai.stockclerk.cli;

import java.io.PrintStream;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON object a command prints on stdout with --json; everything else goes to stderr. */
public final class JsonOutput {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonOutput() {}

  public static void print(Map<String, ?> fields) {
    print(System.out, fields);
  }

  static void print(PrintStream out, Map<String, ?> fields) {
    out.println(MAPPER.writeValueAsString(fields));
    out.flush();
  }
}
