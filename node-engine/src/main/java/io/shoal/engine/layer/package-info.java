/**
 * Layers unpacked once, in overlayfs form (whiteouts as 0:0 devices, opaque dirs as the trusted.overlay.opaque xattr), each in its own directory keyed by diff id and shared read-only by every container as a lower dir. Entries that would escape their directory are refused.
 */
package io.shoal.engine.layer;
