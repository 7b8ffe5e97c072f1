/**
 * Images as data: Docker-normalised references, OCI/Docker manifests and indexes (linux/amd64 picked from an index), the image config and its merge with a container's config as Docker merges it. Pure: no I/O, no clock.
 */
package io.shoal.engine.image;
