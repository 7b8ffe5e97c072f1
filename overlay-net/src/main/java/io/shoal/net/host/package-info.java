/**
 * The host boundary of networking (STYLE rule 10): {@link io.shoal.net.host.Links},
 * {@link io.shoal.net.host.Netns} and {@link io.shoal.net.host.Netfilter}. The logic emits data
 * (plans, nft tables); only the adapters in {@code io.shoal.net.linux} run commands. Failures are
 * {@link io.shoal.net.host.PermanentNetworkException} or {@link io.shoal.net.host.TransientNetworkException}.
 */
package io.shoal.net.host;
