/**
 * Service discovery, as Docker's embedded DNS: {@link io.shoal.net.dns.NameDirectory} holds the
 * names of every network (services with their VIP or tasks, {@code tasks.NAME}, containers'
 * network aliases) and gives each container a view of only the networks it is attached to;
 * {@link io.shoal.net.dns.EmbeddedDnsServer} serves those views over UDP and TCP (one server per
 * host, the asking container found by its source address through {@link io.shoal.net.dns.LiveViews})
 * and forwards every other name to the host's resolvers ({@link io.shoal.net.dns.ResolvConf}).
 * Messages are encoded and decoded by dnsjava.
 */
package io.shoal.net.dns;
