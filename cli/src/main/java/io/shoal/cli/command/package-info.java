/**
 * The verbs of {@code shoal}, one picocli command class each, grouped by the noun they act on
 * ({@code service}, {@code node}, {@code swarm}, {@code system}; {@code compose} is its own package).
 * A verb parses and checks its flags (bad input is a usage error, exit 2, before any request), asks
 * {@code io.shoal.cli.client} and prints through {@code io.shoal.cli.output}; it never formats HTTP or JSON
 * itself. {@link io.shoal.cli.command.ApiCommand} is their base; the root command maps errors to exit codes.
 */
package io.shoal.cli.command;
