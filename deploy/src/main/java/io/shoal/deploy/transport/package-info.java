/**
 * Akka remoting between hosts over mutually authenticated TLS ({@code akka.remote.artery.transport = tls-tcp}).
 * {@link io.shoal.deploy.transport.ClusterTlsEngineProvider} reads the node's PEM key, certificate and the
 * cluster CA from {@code DATA_ROOT/certificates}, trusts only that CA, requires a client certificate, checks
 * the peer belongs to the same cluster (the certificate's O), and picks up renewed files without a restart.
 * Akka's own RotatingKeysSSLEngineProvider is not used because it reads RSA keys only, and the cluster CA
 * issues ECDSA P-256 keys. A node with no certificates yet gets a throwaway identity that nobody trusts.
 */
package io.shoal.deploy.transport;
