/**
 * The roles a daemon runs, wired explicitly (no injection framework): {@link io.shoal.deploy.role.ManagerRole}
 * (cluster state singleton and HTTP API) and {@link io.shoal.deploy.role.WorkerRole} (the worker agent).
 * A one-host cluster runs both in one JVM.
 */
package io.shoal.deploy.role;
