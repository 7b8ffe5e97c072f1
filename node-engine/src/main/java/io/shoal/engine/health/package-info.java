/**
 * Health checks as Docker runs them. {@link io.shoal.engine.health.HealthState} is the pure part (start period,
 * retries, interval, five-entry log over an injected {@code now}); {@link io.shoal.engine.health.HealthMonitor}
 * runs the image's or container's check (CMD, CMD-SHELL; NONE disables) by exec with its timeout (a probe that
 * outlives it counts as a failure with exit code -1) while the engine runs, starting again at STARTING for
 * containers re-adopted after a restart, and publishes {@code health_status: …} events on a status change
 * ({@code Engine.subscribe}, read with {@code Engine.health}).
 */
package io.shoal.engine.health;
