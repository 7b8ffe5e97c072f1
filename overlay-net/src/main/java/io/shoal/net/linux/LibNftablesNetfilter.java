package io.shoal.net.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.shoal.net.host.Netfilter;
import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.NetnsName;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link Netfilter} through libnftables (the library {@code nft} itself is built on; Debian's libnftables1, a
 * dependency of the nftables package) instead of a process: the same text {@code nft -f} reads, parsed and
 * committed as one transaction by {@code nft_run_cmd_from_buffer}, so a table is still replaced atomically. In a
 * task's namespace the context lives on a pooled thread joined to it for the call ({@link InNamespace}; its netlink
 * socket is bound there).
 * {@code scope} plays "the host" as in {@link NftNetfilter}. Calls are serialized: the library's one-time
 * initialisation is not documented as thread-safe.
 *
 * <p>Contexts are freed on a background thread. Closing an nfnetlink socket after a transaction that deleted
 * objects (every replace deletes the old table) makes the kernel flush its deferred destroy work, which waits for an
 * RCU grace period: 8–15 ms here, in close(2), after the rules are already committed and live. That wait was most of
 * what {@code nft -f} cost per task (the process exits, so it closes the socket); off the caller's thread it is gone
 * from an attach.
 */
public final class LibNftablesNetfilter implements Netfilter {

    interface LibNftables extends Library {
        int NFT_CTX_DEFAULT = 0;

        Pointer nft_ctx_new(int flags);

        void nft_ctx_free(Pointer ctx);

        int nft_ctx_buffer_output(Pointer ctx);

        int nft_ctx_buffer_error(Pointer ctx);

        String nft_ctx_get_output_buffer(Pointer ctx);

        String nft_ctx_get_error_buffer(Pointer ctx);

        int nft_run_cmd_from_buffer(Pointer ctx, String buffer);
    }

    private static final class Loaded {
        static final LibNftables LIB = load();

        private static LibNftables load() {
            try {
                return Native.load("libnftables.so.1", LibNftables.class);
            } catch (UnsatisfiedLinkError e) {
                throw new PermanentNetworkException("libnftables not found (apt-get install -y nftables): " + e.getMessage());
            }
        }
    }

    private static final Object LOCK = new Object();
    private static final ExecutorService FREER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shoal-nft-ctx-free");
        t.setDaemon(true);
        return t;
    });
    private final Optional<NetnsName> scope;

    public LibNftablesNetfilter(Optional<NetnsName> scope) {
        this.scope = scope;
    }

    /** Loads the library now, so a missing one is reported at start rather than at the first task. */
    public static void check() {
        Loaded.LIB.hashCode();
    }

    @Override
    public void replace(Optional<NetnsName> netns, NftTable table) {
        run(netns, table.text());
    }

    @Override
    public void delete(Optional<NetnsName> netns, String table) {
        if (!NftTable.validName(table)) {
            throw new IllegalArgumentException("unsafe nft table name: " + table);
        }
        if (tables(netns).contains(table)) {
            run(netns, "delete table ip " + table + "\n");
        }
    }

    @Override
    public Set<String> tables(Optional<NetnsName> netns) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run(netns, "list tables ip\n").split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && words[0].equals("table") && words[1].equals("ip")) {
                names.add(words[2]);
            }
        }
        return names;
    }

    /** Runs nft commands in the namespace (empty: the scope); their output, or their errors thrown. */
    private String run(Optional<NetnsName> netns, String commands) {
        Optional<NetnsName> where = netns.or(() -> scope);
        synchronized (LOCK) {
            return InNamespace.call(where, () -> {
                LibNftables lib = Loaded.LIB;
                Pointer ctx = lib.nft_ctx_new(LibNftables.NFT_CTX_DEFAULT);
                if (ctx == null) {
                    throw new TransientNetworkException("nft_ctx_new failed", null);
                }
                try {
                    lib.nft_ctx_buffer_output(ctx);
                    lib.nft_ctx_buffer_error(ctx);
                    if (lib.nft_run_cmd_from_buffer(ctx, commands) != 0) {
                        String error = lib.nft_ctx_get_error_buffer(ctx);
                        throw new PermanentNetworkException("nft" + where.map(ns -> " in " + ns).orElse("") + " failed: "
                                + (error == null ? "" : error.strip()) + "\ninput:\n" + commands);
                    }
                    String out = lib.nft_ctx_get_output_buffer(ctx);
                    return out == null ? "" : out;
                } finally {
                    FREER.execute(() -> lib.nft_ctx_free(ctx));
                }
            });
        }
    }
}
