/**
 * Content-addressed storage: blobs under their sha256 (verified before they become visible), the names that point at image manifests, and loading of OCI image layouts and {@code docker save} archives into both.
 */
package io.shoal.engine.content;
