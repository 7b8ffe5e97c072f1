/**
 * Protobuf schemas of the cluster's objects and events (generated from {@code src/main/proto}) and the
 * hand-written mappers between them and the records of {@link io.shoal.api.model}. Everything that is
 * persisted or crosses the wire goes through here; field numbers are never reused.
 */
package io.shoal.api.proto;
