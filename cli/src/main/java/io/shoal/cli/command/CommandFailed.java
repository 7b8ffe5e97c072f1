package io.shoal.cli.command;

/** A command that reached the daemon but cannot do what was asked (e.g. scaling a global service): exit 1. */
public final class CommandFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailed(String message) {
        super(message);
    }
}
