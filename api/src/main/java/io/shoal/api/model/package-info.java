/**
 * The cluster's objects as immutable records: {@link io.shoal.api.model.Node},
 * {@link io.shoal.api.model.Service} with its {@link io.shoal.api.model.ServiceSpec},
 * {@link io.shoal.api.model.Task} with its forward-only {@link io.shoal.api.model.TaskStatus}, and the
 * {@link io.shoal.api.model.Swarm}. Component names are the Docker Engine API's field names in lower
 * camel case ({@code taskTemplate} is {@code TaskTemplate}), so the HTTP layer can render them with one
 * naming rule; nullable components are the ones Docker omits when empty. No I/O, no Akka.
 */
package io.shoal.api.model;
