/**
 * Containers: a pure lifecycle table ({@link io.shoal.engine.container.Lifecycle}) consulted before runc is called
 * and recorded after, so a refused operation costs nothing and leaves nothing behind; mount planning
 * ({@code Mounts}: Docker's Binds semantics, validated bind sources, anonymous volumes for image VOLUMEs); and
 * {@link io.shoal.engine.container.ContainerService}, which validates everything before it touches the disk,
 * writes the bundle, starts the container under its monitor, records exits and OOM kills, and re-adopts what a
 * previous engine left running.
 */
package io.shoal.engine.container;
