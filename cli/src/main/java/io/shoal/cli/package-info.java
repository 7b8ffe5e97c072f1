/**
 * The {@code shoal} command-line client. {@link io.shoal.cli.ShoalCli} is the root command and the one place
 * where failures become exit codes (0 ok, 1 refused by the daemon, 2 usage, 3 unreachable); {@code command}
 * holds the verbs, {@code spec} turns flags into Docker request bodies, {@code client} speaks HTTP, and
 * {@code output} prints tables and JSON.
 */
package io.shoal.cli;
