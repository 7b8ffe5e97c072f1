/**
 * Task logs served from the node that runs the task: the {@link io.shoal.worker.logs.LogServer} actor answers a
 * manager's subscription with an Akka stream reference, fed by {@link io.shoal.worker.logs.LogPump} from a
 * blocking read of the container's log files ({@link io.shoal.worker.logs.TaskOutput}, over the node engine).
 * The stream carries backpressure across hosts, and cancelling it on the manager interrupts the read here.
 */
package io.shoal.worker.logs;
