/**
 * Validation of names and specs, returning every {@link io.shoal.api.validate.Violation} with the API's
 * field path rather than throwing: the HTTP layer turns them into Docker's {@code {"message": …}} with
 * status 400, and nothing invalid reaches the cluster state.
 */
package io.shoal.api.validate;
