/**
 * YAML to plain values with the line of every attribute path, as go-yaml v4 reads it: merge
 * keys, duplicate keys refused, {@code !reset}/{@code !override} recorded, YAML 1.1 octals.
 * snakeyaml-engine parses; its alias limit and a node-visit budget bound alias bombs.
 */
package io.shoal.compose.yaml;
