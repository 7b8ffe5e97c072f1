/**
 * Service and task logs on the managers: every task's output is pulled from the node that runs it
 * ({@link io.shoal.manager.logs.RemoteTaskLogs}, over the protocol of {@link io.shoal.api.logs.LogsProtocol}), the
 * tasks' lines are merged with their context ({@link io.shoal.manager.logs.MergedLogs}) and written as dockerd
 * writes them ({@link io.shoal.manager.logs.LogFormat}: details and timestamp prefixes, multiplexed frames).
 */
package io.shoal.manager.logs;
