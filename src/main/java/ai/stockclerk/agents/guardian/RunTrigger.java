package ai.stockclerk.agents.guardian;

import java.util.Locale;

/** Why a run happened: its slot came, or someone asked through the API. */
public enum RunTrigger {
  SCHEDULED,
  MANUAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
