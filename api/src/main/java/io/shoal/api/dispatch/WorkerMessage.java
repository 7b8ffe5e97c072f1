package io.shoal.api.dispatch;

/**
 * Anything a worker agent receives: the protocol records of {@link DispatchProtocol} sent by the
 * dispatcher, and the agent's own private messages (which never leave its JVM).
 */
public interface WorkerMessage {}
