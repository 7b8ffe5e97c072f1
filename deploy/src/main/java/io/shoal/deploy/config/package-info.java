/**
 * The daemon's settings: command-line flags validated into {@link io.shoal.deploy.config.DaemonSettings},
 * facts about the host, the node's persistent id, and the Akka configuration built from them.
 */
package io.shoal.deploy.config;
