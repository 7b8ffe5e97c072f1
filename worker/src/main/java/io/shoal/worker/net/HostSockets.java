package io.shoal.worker.net;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Where the node's own sockets are opened: the embedded DNS servers listen on each bridge's gateway address,
 * which exists only in the host's network namespace. {@link #CURRENT} is the daemon's own namespace (production:
 * shoald runs in the host's); tests that play several hosts in namespaces open them inside one
 * ({@link io.shoal.worker.net.linux.NetnsSockets}). A socket stays in the namespace it was opened in.
 */
public interface HostSockets {

    HostSockets CURRENT = new HostSockets() {
        @Override
        public <T> T open(Callable<T> opener) throws IOException {
            try {
                return opener.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    };

    /** Runs {@code opener} (which opens sockets and may start threads) in the host's network namespace. */
    <T> T open(Callable<T> opener) throws IOException;
}
