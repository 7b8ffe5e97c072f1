/**
 * The OCI runtime spec (config.json) of a container, built as a fold of small pure {@link io.shoal.engine.bundle.SpecOp}s over a default spec (containerd's SpecOpts): namespaces, an absolute cgroupsPath, resources, capabilities, devices, sysctls, rlimits capped at the engine's own hard limits, mounts, user, init. Host facts come in as parameters; nothing here touches the host.
 */
package io.shoal.engine.bundle;
