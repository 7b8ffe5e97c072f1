package io.shoal.net.ipam;

/**
 * One network's address space: its subnet, its gateway, and the range task and VIP addresses
 * come from (the whole subnet unless the user gave --ip-range).
 */
public record NetworkPool(String networkId, Cidr subnet, Ipv4 gateway, Cidr range) {}
