/**
 * The protocol between worker agents and the dispatcher on the managers
 * ({@link io.shoal.api.dispatch.DispatchProtocol}): sessions, heartbeats, assignments and acknowledged
 * status batches. It lives here, free of Akka, because both sides need it and it crosses hosts: its
 * protobuf codec is {@link io.shoal.api.proto.DispatchProto}, bound to Akka by the deploy module.
 */
package io.shoal.api.dispatch;
