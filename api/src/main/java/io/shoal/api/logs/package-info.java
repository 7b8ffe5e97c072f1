/**
 * The protocol by which a manager streams a task's output from the node that runs it
 * ({@link io.shoal.api.logs.LogsProtocol}): a subscription answered with a stream reference, then batches of
 * lines pulled with backpressure. It lives here, free of Akka, because the manager and the worker both need it
 * and it crosses hosts: its protobuf codec is {@link io.shoal.api.proto.LogsProto}, bound to Akka by the deploy
 * module.
 */
package io.shoal.api.logs;
