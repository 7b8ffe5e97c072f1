/**
 * The manager's HTTP edge: {@link io.shoal.manager.http.ClusterClient} turns requests into cluster-state
 * commands and reads, and {@link io.shoal.manager.http.ApiErrors} is the one place where failures become
 * Docker's {@code {"message": …}} with dockerd's status codes.
 */
package io.shoal.manager.http;
