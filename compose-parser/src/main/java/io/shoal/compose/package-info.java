/**
 * Compose Specification support: {@link io.shoal.compose.ComposeConfig} turns compose files,
 * .env files and the process environment into the canonical project that compose-go v2.13
 * (inside {@code docker compose config}) prints. It runs compose-go's phases in its order:
 * read YAML ({@code yaml}), interpolate ({@code interpolate}), include, extends and merge
 * ({@code merge}), validate ({@code validate}), and canonicalise and render
 * ({@code canonical}), returning a {@code model.ComposeProject}. Pure Java: no Akka, no I/O
 * besides reading the project's own files.
 */
package io.shoal.compose;
