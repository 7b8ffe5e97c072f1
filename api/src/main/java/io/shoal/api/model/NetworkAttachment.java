package io.shoal.api.model;

import java.util.List;

/**
 * A task's place on one network, Docker's {@code NetworksAttachments} entry: its address on that network in
 * CIDR form ({@code 10.0.1.5/24}) and the extra DNS names (aliases) it answers to there.
 */
public record NetworkAttachment(String networkId, List<String> addresses, List<String> aliases) {}
