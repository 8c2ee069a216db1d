package ai.stockclerk.channels.simulator;

import java.time.Instant;

/** A vendor API call the simulator received, for {@code GET /_sim/calls}. */
public record RecordedCall(String method, String path, int status, Instant at) {}
