/**
 * {@code shoal-bench networks}: the cost of the managers' network decisions (a task address per attachment,
 * a VIP per network, published ports) at thousands of tasks, run through the same pure decisions the
 * cluster state uses, with no Akka and no journal.
 */
package io.shoal.bench.network;
