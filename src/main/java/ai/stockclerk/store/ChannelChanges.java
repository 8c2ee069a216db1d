package ai.stockclerk.store;

/** A partial update of a channel: null fields are left as they are. */
public record ChannelChanges(
    String name,
    Boolean active,
    String externalInstanceId,
    String credentialsEncrypted,
    String settingsJson) {}
