/**
 * {@code shoal node ls|inspect|update}: the swarm's nodes over {@code /nodes}. Updates send the whole
 * NodeSpec back with its {@code Version.Index}, changed only where the flags say.
 */
package io.shoal.cli.command.node;
