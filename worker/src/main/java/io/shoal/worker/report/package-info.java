/**
 * What a worker reports to the managers: its node's description (hostname, platform, CPU, memory,
 * engine) and status, through the narrow {@link io.shoal.worker.report.NodeReporter} port.
 */
package io.shoal.worker.report;
