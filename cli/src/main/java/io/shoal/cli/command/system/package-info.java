/** {@code shoal info} and {@code shoal version}: what the daemon says about itself ({@code /info}, {@code /version}). */
package io.shoal.cli.command.system;
