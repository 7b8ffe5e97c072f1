package io.shoal.deploy.arch.violation.linux;

import java.io.IOException;

/** What the rule allows: a linux/ adapter that runs a host command. */
public final class RunsCommand {
    private RunsCommand() {}

    public static Process ip() throws IOException {
        return new ProcessBuilder("ip", "link").start();
    }
}
