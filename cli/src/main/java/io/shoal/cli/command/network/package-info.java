/**
 * {@code shoal network create|ls|inspect|rm|prune}: swarm networks over the Engine API's {@code /networks},
 * with docker's flags, output and exit codes. Requests go through {@link io.shoal.cli.client.NetworkApi}.
 */
package io.shoal.cli.command.network;
