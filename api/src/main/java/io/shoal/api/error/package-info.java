/**
 * Failures every API surface shares: {@link io.shoal.api.error.ApiException} carries the HTTP status and the
 * message a Docker client prints, so the manager's cluster routes and a node's container routes raise the same
 * kind of error and one handler turns it into Docker's {@code {"message": …}} body.
 */
package io.shoal.api.error;
