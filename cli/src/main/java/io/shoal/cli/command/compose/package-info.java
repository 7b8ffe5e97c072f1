/**
 * {@code shoal compose}: Compose projects on the client side. {@code config} loads a project with the
 * compose-parser module exactly as {@code docker compose config} would and prints the canonical result; it needs
 * no daemon, so it does not use the root command's API client.
 */
package io.shoal.cli.command.compose;
