package io.shoal.api.dispatch;

/**
 * Anything the dispatcher on the managers receives: the protocol records of {@link DispatchProtocol}
 * sent by workers, and the dispatcher's own private messages (which never leave its JVM).
 */
public interface DispatcherMessage {}
