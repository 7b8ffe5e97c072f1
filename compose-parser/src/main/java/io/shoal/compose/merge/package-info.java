/**
 * Combining files: the spec's merge rules (13-merge.md) with compose-go's exceptions, the
 * unicity of set-like sequences, {@code extends} with cycle detection, {@code include} as a
 * nested project, and the per-file loading order that ties the phases together.
 */
package io.shoal.compose.merge;
