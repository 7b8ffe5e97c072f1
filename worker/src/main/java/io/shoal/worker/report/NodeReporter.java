package io.shoal.worker.report;

import io.shoal.api.model.Node;
import java.util.concurrent.CompletionStage;

/**
 * Where a worker sends what it knows about its node. On a one-host cluster this is the local cluster
 * state; across hosts (a later issue) it is the dispatcher session.
 */
public interface NodeReporter {
    /** Completes with true when the managers took the report, false when there is no swarm to report to yet. */
    CompletionStage<Boolean> report(Node.Description description, Node.Status status);
}
