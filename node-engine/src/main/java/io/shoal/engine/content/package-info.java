/**
 * Content-addressed storage: blobs under their sha256 (verified before they become visible), the names that point at image manifests, and loading of OCI image layouts and {@code docker save} archives into both.
 * An image leaves the disk when its last name is removed and no container uses it, with the blobs and unpacked layers
 * that no named image and no container's image still has ({@link io.shoal.engine.content.ImageStore#deleteIfUnused}).
 */
package io.shoal.engine.content;
