/**
 * Checks: the Compose Specification's JSON schema (compose-spec.json, 2020-12) after each file,
 * compose-go's model checks after merging, and its consistency checks on the bound project
 * (every reference resolves, exclusive attributes agree, no depends_on cycle).
 */
package io.shoal.compose.validate;
