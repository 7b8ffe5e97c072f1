/**
 * The roles a daemon runs, wired explicitly (no injection framework): {@link io.shoal.deploy.role.ManagerRole}
 * (cluster state and dispatcher singletons, HTTP API) and {@link io.shoal.deploy.role.WorkerRole} (the worker
 * agent, running tasks on the host's {@link io.shoal.deploy.role.NodeEngine}). A one-host cluster runs both in
 * one JVM; the worker finds the dispatcher through the Receptionist, on this JVM or another.
 */
package io.shoal.deploy.role;
