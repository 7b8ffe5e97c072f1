package io.shoal.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.testkit.fixtures.Nodes;
import io.shoal.testkit.fixtures.Services;
import io.shoal.worker.report.TaskStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runners driven through the supervisor against the fake runtime, with a probe for the reports. */
class TaskSupervisorTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    FakeTaskRuntime runtime;
    ExecutorService blocking;
    TestProbe<TaskStatusChanged> reports;
    ActorRef<TaskSupervisor.Command> supervisor;
    long version = 10;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        runtime = new FakeTaskRuntime().withImage("busybox:latest");
        blocking = Executors.newCachedThreadPool();
        reports = KIT.createTestProbe(TaskStatusChanged.class);
    }

    @AfterEach
    void shutdown() {
        blocking.shutdownNow();
    }

    void startSupervisor() {
        supervisor = KIT.spawn(TaskSupervisor.create(runtime, blocking, reports.getRef(), Clock.systemUTC()));
    }

    AssignedTask task(String id, long slot, String image, TaskState desired) {
        TaskSpec spec = Services.replicated("web", 1).taskTemplate();
        spec = spec.withContainerSpec(spec.containerSpec().withImage(image));
        return new AssignedTask(new Task(id, new Version(++version), Nodes.T0, Nodes.T0, spec, "svc1", slot, "node1",
                TaskStatus.of(Nodes.T0, TaskState.ASSIGNED, "assigned"), desired, 1), "web");
    }

    AssignedTask desire(AssignedTask a, TaskState desired) {
        Task t = a.task();
        return new AssignedTask(t.withDesiredState(desired, new Version(++version), t.updatedAt()), a.serviceName());
    }

    /** The states reported for one task until (and including) {@code last}. */
    List<TaskState> statesUntil(String taskId, TaskState last) {
        List<TaskState> seen = new ArrayList<>();
        while (seen.isEmpty() || seen.get(seen.size() - 1) != last) {
            TaskStatusChanged c = reports.receiveMessage(Duration.ofSeconds(30));
            if (c.taskId().equals(taskId)) {
                seen.add(c.status().state());
            }
        }
        return seen;
    }

    @Test
    void anAssignedTaskRunsInANamedLabelledContainerAndEndsWithItsExitCode() {
        startSupervisor();
        AssignedTask t = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(t), List.of())));
        assertThat(statesUntil("t1", TaskState.RUNNING)).containsExactly(TaskState.ACCEPTED, TaskState.PREPARING,
                TaskState.READY, TaskState.STARTING, TaskState.RUNNING);
        FakeTaskRuntime.Container c = runtime.containers().get(0);
        assertThat(c.plan.name()).isEqualTo("web.1.t1");
        assertThat(c.plan.labels()).containsEntry("com.docker.swarm.task.id", "t1")
                .containsEntry("com.docker.swarm.service.name", "web").containsEntry("com.docker.swarm.node.id", "node1");

        runtime.exit(c.id, 3);
        TaskStatusChanged failed = reports.receiveMessage(Duration.ofSeconds(30));
        assertThat(failed.status().state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.status().err()).isEqualTo("task: non-zero exit (3)");
        assertThat(failed.status().containerStatus().exitCode()).isEqualTo(3);
    }

    @Test
    void aMissingImageRejectsTheTask() {
        startSupervisor();
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true,
                List.of(task("t1", 1, "nosuch:1", TaskState.RUNNING)), List.of())));
        assertThat(statesUntil("t1", TaskState.REJECTED)).endsWith(TaskState.PREPARING, TaskState.REJECTED);
        assertThat(runtime.containers()).isEmpty();
    }

    @Test
    void theImageIsPulledWithTheRegistryCredentialsTheServiceWasGiven() {
        startSupervisor();
        AssignedTask plain = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        Task t = plain.task();
        AssignedTask withAuth = new AssignedTask(new Task(t.id(), t.version(), t.createdAt(), t.updatedAt(),
                t.spec().withContainerSpec(t.spec().containerSpec().withPullOptions(new TaskSpec.PullOptions("e30"))),
                t.serviceId(), t.slot(), t.nodeId(), t.status(), t.desiredState(), t.specVersion()), plain.serviceName());
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(withAuth), List.of())));
        statesUntil("t1", TaskState.RUNNING);
        assertThat(runtime.registryAuths).containsExactly("e30");
    }

    @Test
    void aTaskDesiredShutdownIsStoppedWithItsGracePeriodAndRemovedWhenUnassigned() {
        startSupervisor();
        AssignedTask t = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(t), List.of())));
        statesUntil("t1", TaskState.RUNNING);
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", false, List.of(desire(t, TaskState.SHUTDOWN)), List.of())));
        assertThat(statesUntil("t1", TaskState.SHUTDOWN)).containsExactly(TaskState.SHUTDOWN);
        assertThat(runtime.calls).contains("stop c1 10s");
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", false, List.of(), List.of("t1"))));
        reports.awaitAssert(() -> {
            assertThat(runtime.containers()).isEmpty();
            return null;
        });
    }

    @Test
    void afterARestartRunningContainersAreAdoptedAndOrphansRemoved() {
        AssignedTask kept = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        AssignedTask gone = task("t2", 2, "busybox:latest", TaskState.RUNNING);
        String keptId = runtime.leftOver(ContainerPlan.of(kept), true);
        runtime.leftOver(ContainerPlan.of(gone), true);
        runtime.calls.clear();
        Task running = kept.task().withStatus(new TaskStatus(Nodes.T0, TaskState.RUNNING, "started", null,
                new TaskStatus.ContainerStatus(keptId, null, null)), new Version(++version), Nodes.T0);
        startSupervisor();
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(new AssignedTask(running, "web")), List.of())));

        reports.awaitAssert(() -> {
            assertThat(runtime.containers()).extracting(c -> c.id).containsExactly(keptId);
            return null;
        });
        reports.expectNoMessage(Duration.ofMillis(200));
        assertThat(runtime.calls).as("nothing restarted").noneMatch(c -> c.startsWith("create") || c.startsWith("start"));
        runtime.exit(keptId, 0);
        assertThat(reports.receiveMessage(Duration.ofSeconds(30)).status().state()).isEqualTo(TaskState.COMPLETE);
    }

    @Test
    void aTaskTheManagersEndedWhileItsContainerCameUpIsStoppedWithoutAReport() {
        startSupervisor();
        AssignedTask t = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(t), List.of())));
        statesUntil("t1", TaskState.RUNNING);
        Task ended = t.task().withStatus(TaskStatus.of(Nodes.T0, TaskState.SHUTDOWN, "shutdown"), new Version(++version), Nodes.T0)
                .withDesiredState(TaskState.REMOVE, new Version(++version), Nodes.T0);
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", false, List.of(new AssignedTask(ended, "web")), List.of())));
        reports.awaitAssert(() -> {
            assertThat(runtime.calls).contains("stop c1 10s");
            return null;
        });
        reports.expectNoMessage(Duration.ofMillis(200));
    }

    AssignedTask withHealthcheck(AssignedTask a, List<String> test) {
        Task t = a.task();
        TaskSpec.ContainerSpec c = t.spec().containerSpec();
        TaskSpec.ContainerSpec checked = new TaskSpec.ContainerSpec(c.image(), c.labels(), c.command(), c.args(), c.hostname(),
                c.env(), c.dir(), c.user(), c.groups(), c.tty(), c.openStdin(), c.readOnly(), c.mounts(), c.stopSignal(),
                c.stopGracePeriod(), new TaskSpec.HealthConfig(test, 20_000_000L, 1_000_000_000L, null, 2), c.hosts(), c.init(),
                c.capabilityAdd(), c.capabilityDrop(), c.sysctls(), c.pullOptions());
        return new AssignedTask(new Task(t.id(), t.version(), t.createdAt(), t.updatedAt(), t.spec().withContainerSpec(checked),
                t.serviceId(), t.slot(), t.nodeId(), t.status(), t.desiredState(), t.specVersion()), a.serviceName());
    }

    @Test
    void aTaskWithAHealthCheckIsRunningOnlyOnceHealthyAndFailsWhenUnhealthy() {
        runtime.health.addAll(List.of(io.shoal.engine.health.HealthState.Status.STARTING,
                io.shoal.engine.health.HealthState.Status.HEALTHY, io.shoal.engine.health.HealthState.Status.UNHEALTHY));
        startSupervisor();
        AssignedTask t = withHealthcheck(task("t1", 1, "busybox:latest", TaskState.RUNNING), List.of("CMD-SHELL", "test -e /ok"));
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(t), List.of())));
        assertThat(statesUntil("t1", TaskState.RUNNING)).containsExactly(TaskState.ACCEPTED, TaskState.PREPARING,
                TaskState.READY, TaskState.STARTING, TaskState.RUNNING);
        assertThat(runtime.containers().get(0).plan.healthcheck().probeCommand()).containsExactly("/bin/sh", "-c", "test -e /ok");
        TaskStatusChanged failed = reports.receiveMessage(Duration.ofSeconds(30));
        assertThat(failed.status().state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.status().err()).isEqualTo("task: unhealthy container");
        reports.awaitAssert(() -> {
            assertThat(runtime.calls).contains("stop c1 10s");
            return null;
        });
    }

    @Test
    void theImagesHealthCheckAppliesAndNoneDisablesIt() {
        runtime.imageCheck = new io.shoal.engine.image.Healthcheck(List.of("CMD", "true"), Duration.ofMillis(20), null, null, 1);
        runtime.health.add(io.shoal.engine.health.HealthState.Status.UNHEALTHY);
        startSupervisor();
        AssignedTask viaImage = task("t1", 1, "busybox:latest", TaskState.RUNNING);
        AssignedTask disabled = withHealthcheck(task("t2", 2, "busybox:latest", TaskState.RUNNING), List.of("NONE"));
        supervisor.tell(new TaskSupervisor.Assign(new Assignments("s", true, List.of(viaImage, disabled), List.of())));
        assertThat(statesUntil("t2", TaskState.RUNNING)).endsWith(TaskState.RUNNING);
        assertThat(statesUntil("t1", TaskState.FAILED)).doesNotContain(TaskState.RUNNING);
    }
}
