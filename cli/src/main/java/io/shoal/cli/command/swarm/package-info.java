/** {@code shoal swarm init}: the swarm lifecycle over {@code /swarm}. Joining comes with multi-host clusters. */
package io.shoal.cli.command.swarm;
