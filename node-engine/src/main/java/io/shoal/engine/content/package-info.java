/**
 * Content-addressed storage: blobs under their sha256 (verified before they become visible), the images held (named or
 * dangling) and the names that point at their manifests, loading of OCI image layouts and {@code docker save}
 * archives into both ({@link io.shoal.engine.content.ImageLoader}) and writing such archives back out
 * ({@link io.shoal.engine.content.ImageSaver}). An image leaves the disk through {@code rmi} or {@code image prune}
 * once no name and no container holds it, with the blobs and unpacked layers that no other held image and no
 * container's image still has ({@link io.shoal.engine.content.ImageStore#deleteIfUnused}).
 */
package io.shoal.engine.content;
