package ai.stockclerk.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/** The kind of a job: handlers, worker pools, retry policy and caps are set per kind. */
public record JobKind(String name) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  public static final JobKind WEBHOOK = new JobKind("webhook");
  public static final JobKind SYNC = new JobKind("sync");
  public static final JobKind GUARDIAN = new JobKind("guardian");
  public static final JobKind ALERT = new JobKind("alert");

  public JobKind {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("job kind must be lower-case [a-z0-9_-], at most 32 chars: " + name);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
