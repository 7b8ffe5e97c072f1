package io.shoal.deploy.arch.violation;

import java.io.IOException;

/** Breaks "only linux adapters spawn processes" with Runtime.exec. */
public final class CallsRuntimeExec {
    private CallsRuntimeExec() {}

    public static Process ip() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"ip", "link"});
    }
}
