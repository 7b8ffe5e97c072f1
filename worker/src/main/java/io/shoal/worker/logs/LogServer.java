package io.shoal.worker.logs;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.stream.Materializer;
import akka.stream.SourceRef;
import akka.stream.StreamRefResolver;
import akka.stream.javadsl.StreamRefs;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.api.logs.LogsProtocol.Lines;
import io.shoal.engine.logs.LogQuery;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * This node's log server: registered with the Receptionist under {@link LogsProtocol#serviceKey} of the node's id,
 * it answers a manager's {@link LogsProtocol.Subscribe} with a stream reference to the task's container output
 * ({@link LogPump}), or {@link LogsProtocol.Unavailable} when this node has no container for the task. The stream
 * reference is the remote end's to pull: if it is not pulled within Akka's subscription timeout, or is cancelled,
 * the read stops.
 */
public final class LogServer {
    private static final Logger LOG = LoggerFactory.getLogger(LogServer.class);

    private LogServer() {}

    public static ServiceKey<LogsProtocol.Subscribe> key(String nodeId) {
        return ServiceKey.create(LogsProtocol.Subscribe.class, LogsProtocol.serviceKey(nodeId));
    }

    /** @param executor where blocking reads run (one thread per open stream while it lasts) */
    public static Behavior<LogsProtocol.Subscribe> create(String nodeId, TaskOutput output, Executor executor) {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(key(nodeId), ctx.getSelf()));
            return Behaviors.receive(LogsProtocol.Subscribe.class)
                    .onMessage(LogsProtocol.Subscribe.class, s -> onSubscribe(ctx, output, executor, s))
                    .build();
        });
    }

    private static Behavior<LogsProtocol.Subscribe> onSubscribe(ActorContext<LogsProtocol.Subscribe> ctx, TaskOutput output,
                                                               Executor executor, LogsProtocol.Subscribe s) {
        ActorRef<LogsProtocol.Reply> replyTo = ActorRefResolver.get(ctx.getSystem()).resolveActorRef(s.replyTo());
        Materializer materializer = Materializer.matFromSystem(ctx.getSystem());
        StreamRefResolver refs = StreamRefResolver.get(ctx.getSystem());
        // The container lookup reads the engine's state: off the actor's thread, like the reads themselves.
        CompletableFuture.supplyAsync(() -> output.containerOf(s.taskId()), executor).whenComplete((found, error) -> {
            if (error != null) {
                replyTo.tell(new LogsProtocol.Unavailable("cannot read the containers of this node: " + error.getMessage()));
            } else if (found.isEmpty()) {
                replyTo.tell(new LogsProtocol.Unavailable("no container of task " + s.taskId() + " on this node"));
            } else {
                TaskOutput.Container c = found.get();
                SourceRef<Lines> ref = LogPump.source(output, c.id(), query(s.selection()), executor)
                        .runWith(StreamRefs.sourceRef(), materializer);
                replyTo.tell(new LogsProtocol.Opened(refs.toSerializationFormat(ref), c.tty()));
                MDC.put("task.id", s.taskId());
                LOG.debug("task logs streaming follow={}", s.selection().follow());
                MDC.remove("task.id");
            }
        });
        return Behaviors.same();
    }

    static LogQuery query(LogsProtocol.Selection q) {
        return LogQuery.all().withStreams(q.stdout(), q.stderr()).withSince(q.since()).withTail(q.tail()).withFollow(q.follow());
    }

}
