package io.shoal.deploy.arch.violation;

import java.io.IOException;

/** Breaks "only linux adapters spawn processes" with a ProcessBuilder. */
public final class SpawnsProcess {
    private SpawnsProcess() {}

    public static Process ip() throws IOException {
        return new ProcessBuilder("ip", "link").start();
    }
}
