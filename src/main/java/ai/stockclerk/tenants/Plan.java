package ai.stockclerk.tenants;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tenant pays for, and the limits that follow: how many channels it may connect and its
 * weight in the scheduler's fair share.
 */
public enum Plan {
  TRIAL(3, 1),
  STARTER(3, 1),
  GROWTH(10, 2),
  ENTERPRISE(Integer.MAX_VALUE, 4);

  private final int maxChannels;
  private final int schedulingWeight;

  Plan(int maxChannels, int schedulingWeight) {
    this.maxChannels = maxChannels;
    this.schedulingWeight = schedulingWeight;
  }

  public int maxChannels() {
    return maxChannels;
  }

  public int schedulingWeight() {
    return schedulingWeight;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Plan> fromWireName(String value) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
  }
}
