/**
 * {@code shoal-bench dataplane}: the worker's data plane measured on two namespaced hosts of its own making —
 * attach time per task, VIP rule programming for many services, TCP throughput across the VXLAN.
 */
package io.shoal.bench.dataplane;
