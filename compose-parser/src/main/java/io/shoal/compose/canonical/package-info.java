/**
 * The canonical form: short syntax made long (ports, volumes, depends_on, build…), implicit
 * defaults, normalisation (default network, resource names, paths made absolute), and binding to
 * compose-go's Go types so that the JSON has Go's zero-value omissions, duration and byte formats.
 */
package io.shoal.compose.canonical;
