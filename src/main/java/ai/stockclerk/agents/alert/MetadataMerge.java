package ai.stockclerk.agents.alert;

import java.util.Map;

/** How a repeat's metadata combines with what the open alert already carries. */
@FunctionalInterface
interface MetadataMerge {

  /** The repeat's facts replace the old ones: they are the current state. */
  MetadataMerge REPLACE = (existing, latest) -> latest;

  Map<String, Object> merge(Map<String, Object> existing, Map<String, Object> latest);
}
