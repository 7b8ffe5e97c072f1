package io.shoal.manager.orchestrator;

import io.shoal.api.model.Service;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import io.shoal.manager.state.IdGenerator;
import java.time.Instant;

/** New tasks for a service's slot or node, in state {@code new}, desired {@code running}. */
public record TaskFactory(IdGenerator ids, Instant now) {
    public Task newTask(Service service, Long slot, String nodeId) {
        return newTask(service, slot, nodeId, TaskState.RUNNING);
    }

    /** A new task desired {@code ready} (held until a restart delay passes) or {@code running}. */
    public Task newTask(Service service, Long slot, String nodeId, TaskState desired) {
        return new Task(ids.next(), Version.ZERO, now, now, service.spec().taskTemplate(), service.id(), slot, nodeId,
                TaskStatus.of(now, TaskState.NEW, "created"), desired, service.version().index());
    }

    /** The task with a new desired state (shutdown, remove), as of now. */
    public Task desire(Task t, TaskState desired) {
        return t.withDesiredState(desired, t.version(), now);
    }
}
