/**
 * Health-check timing and status as Docker computes them (start period, retries, interval, five-entry log), pure over an injected {@code now}; the engine runs the probes with exec.
 */
package io.shoal.engine.health;
