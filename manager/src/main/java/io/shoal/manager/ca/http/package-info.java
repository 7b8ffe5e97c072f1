/**
 * The join endpoint: HTTPS on the join port (cluster port + {@code shoal.ca.join-port-offset}, 2378 by
 * default), served by managers with their own CA-issued certificate. {@code POST /join} takes a token, a
 * CSR and the node's description and answers with the node's certificate; {@code POST /renew} does the same
 * for a node that authenticates with its current certificate (TLS client auth). Artery owns the cluster port,
 * so the CA cannot share it.
 */
package io.shoal.manager.ca.http;
