/**
 * A node's cluster identity, shared by the managers (which issue it) and the joining node (which checks
 * and stores it): join tokens in Swarm's {@code SWMTKN-1-<CA digest>-<secret>} form, the CA digest they
 * carry, PEM encoding of certificates and keys (JDK only, no provider), the certificate's role names, the
 * renewal policy, and where a node keeps its files. Pure logic with injected clocks; no Akka, no network.
 */
package io.shoal.api.identity;
