/**
 * IP address management, pure and deterministic: {@link io.shoal.net.ipam.Ipam} hands out one
 * subnet per network (the lowest free /24 of 10.0.0.0/8 by default, or the user's --subnet,
 * --gateway and --ip-range, checked for overlap), one address per task attachment and one
 * virtual IP per service and network; released addresses are reused lowest first. Refusals are
 * {@link io.shoal.net.ipam.IpamResult.Refused} values with an {@link io.shoal.net.ipam.IpamError.Kind}
 * the HTTP edge maps to Docker's errors. The manager owns the only instance and rebuilds it from
 * the cluster state (reserveAddress), so addresses never collide across hosts.
 */
package io.shoal.net.ipam;
