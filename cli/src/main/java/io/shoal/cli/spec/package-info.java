/**
 * From command-line flags to Docker request bodies, with no I/O: {@code KEY=VALUE} pairs, CPU and memory
 * quantities, published ports and constraints are checked here, so that bad input is refused with a clear
 * message before any request ({@link io.shoal.cli.spec.InvalidArgument}). {@link io.shoal.cli.spec.ServiceCreate}
 * builds a new ServiceSpec; {@link io.shoal.cli.spec.SpecEdits} changes one that was read from the daemon.
 */
package io.shoal.cli.spec;
