package io.shoal.bench.dataplane;

import io.shoal.net.host.Links;
import io.shoal.net.host.Netfilter;
import io.shoal.net.host.Netns;
import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.NetnsName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The data plane's three ports with a stopwatch around each call, so the bench can say where an attach's time goes:
 * namespace, links, nft, and the rest (the data plane's own planning, DNS, resolv.conf). The namespace is made on
 * a thread of its own beside the planning, so its time is also kept apart from the path the attach waits on
 * ({@link #linksStarted}: the links start once both are done). Fields written by other threads are volatile.
 */
final class Timed {
    volatile long netnsNanos;
    long linksNanos;
    long nftNanos;
    /** When the first links call of the attach began (System.nanoTime), 0 if none yet. */
    volatile long linksStarted;

    void reset() {
        netnsNanos = 0;
        linksNanos = 0;
        nftNanos = 0;
        linksStarted = 0;
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static <T> T time(Supplier<T> call, long[] into) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            into[0] = System.nanoTime() - start;
        }
    }

    /** The links with a stopwatch; closing it closes them (sockets kept in the switches). */
    Links links(Links inner) {
        return new Links() {
            @Override
            public void close() {
                inner.close();
            }

            @Override
            public void apply(List<LinkChange> changes) {
                if (linksStarted == 0) {
                    linksStarted = System.nanoTime();
                }
                linksNanos += time(() -> inner.apply(changes));
            }

            @Override
            public Set<IfName> links(Optional<NetnsName> netns) {
                long[] took = new long[1];
                Set<IfName> names = time(() -> inner.links(netns), took);
                linksNanos += took[0];
                return names;
            }
        };
    }

    Netns netns(Netns inner) {
        return new Netns() {
            @Override
            public void create(NetnsName name) {
                netnsNanos += time(() -> inner.create(name));
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> createAsync(NetnsName name, java.util.concurrent.Executor executor) {
                long start = System.nanoTime();
                // The stage the data plane waits on completes after the time is added.
                return inner.createAsync(name, executor).whenComplete((ok, failed) -> {
                    long spent = System.nanoTime() - start;
                    synchronized (Timed.this) {
                        netnsNanos += spent;
                    }
                });
            }

            @Override
            public void delete(NetnsName name) {
                netnsNanos += time(() -> inner.delete(name));
            }

            @Override
            public Set<NetnsName> list() {
                return inner.list();
            }
        };
    }

    Netfilter netfilter(Netfilter inner) {
        return new Netfilter() {
            @Override
            public void replace(Optional<NetnsName> netns, NftTable table) {
                nftNanos += time(() -> inner.replace(netns, table));
            }

            @Override
            public void delete(Optional<NetnsName> netns, String table) {
                nftNanos += time(() -> inner.delete(netns, table));
            }

            @Override
            public Set<String> tables(Optional<NetnsName> netns) {
                long[] took = new long[1];
                Set<String> names = time(() -> inner.tables(netns), took);
                nftNanos += took[0];
                return names;
            }
        };
    }
}
