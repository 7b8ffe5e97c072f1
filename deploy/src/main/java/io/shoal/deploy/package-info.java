/**
 * The runnable distribution's entry points: {@link io.shoal.deploy.Shoald}, the daemon, which assembles
 * the manager and worker roles from validated settings.
 */
package io.shoal.deploy;
