package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertRecord;

/** The alert after a raise, and whether this raise opened it (false: a repeat of an open one). */
public record RaisedAlert(AlertRecord alert, boolean opened) {}
