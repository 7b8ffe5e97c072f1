/**
 * Bash-style interpolation against the project environment ({@code ${VAR:-default}} and
 * friends, nested, {@code $$}), the typed casts compose-go applies afterwards, and the .env
 * file format. Hand-written from 12-interpolation.md and compose-go's template and dotenv rules.
 */
package io.shoal.compose.interpolate;
