/**
 * Local volumes in Docker's local-driver layout ({@code volumes/<name>/_data} plus {@code volume.json}: labels,
 * creation time, anonymous). Names are {@code [a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}}, never paths. Create is idempotent;
 * remove is refused while any container (running or not) uses the volume; prune removes unused anonymous volumes
 * (with {@code all}, unused named ones too). A new empty volume mounted over an image directory is seeded with the
 * image's content there (copy-up); anonymous volumes come from image {@code VOLUME}s and go with {@code rm -v}.
 */
package io.shoal.engine.volume;
