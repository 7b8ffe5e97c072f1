/**
 * Running the node's tasks: a {@link io.shoal.worker.task.TaskSupervisor} with one
 * {@link io.shoal.worker.task.TaskRunner} per assigned task, whose next step is the pure
 * {@link io.shoal.worker.task.TaskStep#next}, driving the narrow {@link io.shoal.worker.task.TaskRuntime}
 * port with containers named and labelled as Swarm's ({@link io.shoal.worker.task.ContainerPlan}).
 * After a restart the supervisor adopts the containers it finds by their task-id label.
 */
package io.shoal.worker.task;
