package io.shoal.deploy.transport;

import akka.actor.ActorSystem;
import akka.remote.artery.tcp.SSLEngineProvider;
import io.shoal.api.identity.CertificateSubject;
import io.shoal.api.identity.NodeCertificates;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.NodeTls;
import io.shoal.api.identity.Pem;
import io.shoal.manager.ca.ClusterCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import scala.Option;

/** Artery's TLS engines from the node's CA-issued certificate files (see the package documentation). */
public final class ClusterTlsEngineProvider implements SSLEngineProvider {
    public static final String DIRECTORY_KEY = "shoal.transport.certificates-dir";

    private final NodeCertificates files;
    private final SecureRandom random = new SecureRandom();
    private Loaded loaded;

    private record Loaded(List<FileTime> stamps, SSLContext context, String clusterId) {}

    public ClusterTlsEngineProvider(ActorSystem system) {
        this(new NodeCertificates(Path.of(system.settings().config().getString(DIRECTORY_KEY))));
    }

    public ClusterTlsEngineProvider(NodeCertificates files) {
        this.files = files;
    }

    @Override
    public SSLEngine createServerSSLEngine(String hostname, int port) {
        SSLEngine e = current().context().createSSLEngine(hostname, port);
        e.setUseClientMode(false);
        e.setNeedClientAuth(true);
        e.setEnabledProtocols(new String[] {"TLSv1.3"});
        return e;
    }

    @Override
    public SSLEngine createClientSSLEngine(String hostname, int port) {
        SSLEngine e = current().context().createSSLEngine(hostname, port);
        e.setUseClientMode(true);
        e.setEnabledProtocols(new String[] {"TLSv1.3"});
        return e;
    }

    @Override
    public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
        return verify(session);
    }

    @Override
    public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
        return verify(session);
    }

    /** The trust manager checked the chain against the CA; the peer must also name this cluster. */
    private Option<Throwable> verify(SSLSession session) {
        try {
            X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
            CertificateSubject who = CertificateSubject.of(peer);
            String mine = current().clusterId();
            return who.clusterId().equals(mine) ? Option.empty()
                    : Option.apply(new SSLPeerUnverifiedException("peer " + who.nodeId() + " belongs to cluster " + who.clusterId()));
        } catch (SSLPeerUnverifiedException | RuntimeException e) {
            return Option.apply(e);
        }
    }

    /** The context for the files as they are now; rebuilt when a renewal replaced any of them. */
    synchronized Loaded current() {
        List<FileTime> stamps = stamps();
        if (loaded != null && java.util.Objects.equals(loaded.stamps(), stamps)) {
            return loaded;
        }
        if (stamps == null) {
            if (loaded == null || loaded.stamps() != null) {
                loaded = throwaway();
            }
            return loaded;
        }
        try {
            String key = Files.readString(files.key());
            String cert = Files.readString(files.certificate());
            String ca = Files.readString(files.ca());
            loaded = new Loaded(stamps, NodeTls.context(key, cert, ca, random),
                    CertificateSubject.organization(Pem.certificate(ca, files.ca().toString())));
            return loaded;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the node certificates in " + files.directory() + ": " + e.getMessage(), e);
        }
    }

    private List<FileTime> stamps() {
        try {
            return List.of(Files.getLastModifiedTime(files.key()), Files.getLastModifiedTime(files.certificate()),
                    Files.getLastModifiedTime(files.ca()));
        } catch (IOException e) {
            return null;
        }
    }

    /** An identity under a private CA that is then forgotten: this node can neither be reached nor reach anyone. */
    private Loaded throwaway() {
        String id = "unjoined" + Long.toUnsignedString(random.nextLong(), 36);
        ClusterCa ca = ClusterCa.create(id, Duration.ofDays(3650), Clock.systemUTC(), random);
        var pair = ClusterCa.newKeyPair(random);
        X509Certificate cert = ca.issue(pair.getPublic(), "unjoined", NodeRole.WORKER, Duration.ofDays(3000));
        return new Loaded(null, NodeTls.context(Pem.privateKey(pair.getPrivate()), Pem.certificate(cert), ca.certificatePem(), random), id);
    }
}
