/**
 * Decisions are data: a {@link io.shoal.scheduler.plan.Plan} lists {@link
 * io.shoal.scheduler.plan.Placement}s (task → node, with any named generic resources) and {@link
 * io.shoal.scheduler.plan.Unplaceable} tasks with Docker-style reasons. The manager persists the plan
 * as events; tests assert on it; nothing here has behavior.
 */
package io.shoal.scheduler.plan;
