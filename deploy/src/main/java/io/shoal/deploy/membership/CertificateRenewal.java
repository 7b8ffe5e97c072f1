package io.shoal.deploy.membership;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import io.shoal.api.identity.Pem;
import io.shoal.api.identity.RenewalPolicy;
import io.shoal.worker.join.CertificateStore;
import io.shoal.worker.join.RenewalClient;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this node's certificate at the point its {@link RenewalPolicy} (drawn once, 50-80% of the
 * lifetime) says, from the managers' join ports in turn; a failed attempt is retried a minute later.
 * The transport picks up the new files by itself.
 */
final class CertificateRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final ActorSystem<?> system;
    private final CertificateStore store;
    private final List<String> joinAddrs;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final RenewalClient client;
    private final Executor blocking;

    private CertificateRenewal(ActorSystem<?> system, CertificateStore store, List<String> joinAddrs, SecureRandom random) {
        this.system = system;
        this.store = store;
        this.joinAddrs = List.copyOf(joinAddrs);
        this.policy = RenewalPolicy.drawn(random);
        this.clock = Clock.systemUTC();
        this.client = new RenewalClient(store, random, Duration.ofSeconds(30));
        this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    }

    static void start(ActorSystem<?> system, CertificateStore store, List<String> joinAddrs) {
        new CertificateRenewal(system, store, joinAddrs, new SecureRandom()).scheduleNext();
    }

    private void scheduleNext() {
        try {
            X509Certificate cert = Pem.certificate(Files.readString(store.files().certificate()), store.files().certificate().toString());
            Duration wait = policy.untilRenewal(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), clock);
            LOG.info("certificate renewal scheduled at={} expires={}", clock.instant().plus(wait), cert.getNotAfter().toInstant());
            schedule(wait);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("certificate renewal not scheduled error={}", e.getMessage());
        }
    }

    private void schedule(Duration wait) {
        system.scheduler().scheduleOnce(wait, () -> blocking.execute(this::renew), system.executionContext());
    }

    private void renew() {
        if (!store.present()) {
            return; // the node left the swarm
        }
        for (String addr : joinAddrs) {
            try {
                X509Certificate cert = client.renew(addr);
                LOG.info("certificate renewed from={} expires={}", addr, cert.getNotAfter().toInstant());
                scheduleNext();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("certificate renewal failed from={} error={}", addr, e.getMessage());
            }
        }
        schedule(RETRY);
    }
}
