package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;

/** Mints a new access token for a connection (client-credentials grant, refresh grant...). */
@FunctionalInterface
public interface TokenSource {

  AccessToken fetch(ChannelConnection connection);
}
