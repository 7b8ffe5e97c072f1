package io.shoal.cli.command;

import io.shoal.cli.client.SwarmApi;
import java.time.Clock;

/** What every command needs from the root command: the API of the daemon picked by {@code -H}, a clock, the CLI's version. */
public interface CliContext {
    /** The API of the daemon at {@code -H}, {@code $SHOAL_HOST} or the default; an invalid address is a usage error. */
    SwarmApi api();

    Clock clock();

    String clientVersion();
}
