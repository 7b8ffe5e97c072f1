package io.shoal.worker.engine;

import io.shoal.engine.Engine;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import io.shoal.worker.logs.TaskOutput;
import io.shoal.worker.task.ContainerPlan;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Task output from this host's node engine: a task's container is the one labelled with its id (as the worker
 * creates it, {@link ContainerPlan#TASK_ID}); the newest wins should there ever be two.
 */
public final class EngineTaskOutput implements TaskOutput {
    private final Engine engine;

    public EngineTaskOutput(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<Container> containerOf(String taskId) {
        return engine.list(true).stream().filter(r -> taskId.equals(r.labels().get(ContainerPlan.TASK_ID)))
                .max(Comparator.comparing(ContainerRecord::created)).map(r -> new Container(r.id(), r.tty()));
    }

    @Override
    public void read(String containerId, LogQuery query, Consumer<LogEntry> sink) {
        engine.logs(containerId, query, sink);
    }
}
