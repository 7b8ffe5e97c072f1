/**
 * Akka serializers for messages that cross hosts between modules: the dispatch protocol
 * ({@link io.shoal.deploy.wire.DispatchSerializer}) and the task-logs protocol
 * ({@link io.shoal.deploy.wire.LogsSerializer}), bound in {@code reference.conf} of this module.
 */
package io.shoal.deploy.wire;
