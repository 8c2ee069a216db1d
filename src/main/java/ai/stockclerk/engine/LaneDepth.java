package ai.stockclerk.engine;

/** One lane's depth, for the top-N report. */
public record LaneDepth(String lane, long depth) {}
