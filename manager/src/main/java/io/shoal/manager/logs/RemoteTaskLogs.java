package io.shoal.manager.logs;

import akka.NotUsed;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.stream.SourceRef;
import akka.stream.StreamRefResolver;
import akka.stream.javadsl.Source;
import io.shoal.api.logs.LogsProtocol;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskLogs} over Akka: finds the log server of the task's node through the Receptionist (its key names the
 * node), subscribes, and pulls the stream reference it answers with. A node that is not registered (down, or not
 * a member yet), that does not answer within {@code timeout}, or that has no container for the task gives no
 * lines, and a stream that breaks off (the node died) ends that task's lines: the others go on. Each is logged.
 */
public final class RemoteTaskLogs implements TaskLogs {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteTaskLogs.class);
    private final ActorSystem<?> system;
    private final Duration timeout;

    public RemoteTaskLogs(ActorSystem<?> system, Duration timeout) {
        this.system = system;
        this.timeout = timeout;
    }

    static ServiceKey<LogsProtocol.Subscribe> key(String nodeId) {
        return ServiceKey.create(LogsProtocol.Subscribe.class, LogsProtocol.serviceKey(nodeId));
    }

    @Override
    public Source<LogsProtocol.Line, NotUsed> lines(String nodeId, String taskId, LogsProtocol.Selection selection) {
        CompletionStage<Source<LogsProtocol.Lines, NotUsed>> opened = server(nodeId).thenCompose(server -> {
            if (server == null) {
                LOG.warn("task logs skipped: no log server registered node.id={} task.id={}", nodeId, taskId);
                return CompletableFuture.completedFuture(Source.<LogsProtocol.Lines>empty());
            }
            return subscribe(server, taskId, selection).thenApply(reply -> open(reply, nodeId, taskId));
        }).exceptionally(e -> {
            LOG.warn("task logs skipped node.id={} task.id={} error={}", nodeId, taskId, e.toString());
            return Source.<LogsProtocol.Lines>empty();
        });
        return Source.completionStageSource(opened)
                .mapConcat(LogsProtocol.Lines::lines)
                .recoverWithRetries(1, Throwable.class, () -> {
                    LOG.warn("task logs ended early node.id={} task.id={}", nodeId, taskId);
                    return Source.empty();
                })
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    private CompletionStage<ActorRef<LogsProtocol.Subscribe>> server(String nodeId) {
        ServiceKey<LogsProtocol.Subscribe> key = key(nodeId);
        CompletionStage<Receptionist.Listing> listing = AskPattern.ask(system.receptionist(),
                r -> Receptionist.find(key, r), timeout, system.scheduler());
        return listing.thenApply(l -> {
            Set<ActorRef<LogsProtocol.Subscribe>> servers = l.getServiceInstances(key);
            return servers.isEmpty() ? null : servers.iterator().next();
        });
    }

    private CompletionStage<LogsProtocol.Reply> subscribe(ActorRef<LogsProtocol.Subscribe> server, String taskId,
                                                          LogsProtocol.Selection selection) {
        ActorRefResolver refs = ActorRefResolver.get(system);
        return AskPattern.<LogsProtocol.Subscribe, LogsProtocol.Reply>ask(server,
                replyTo -> new LogsProtocol.Subscribe(taskId, selection, refs.toSerializationFormat(replyTo)),
                timeout, system.scheduler());
    }

    private Source<LogsProtocol.Lines, NotUsed> open(LogsProtocol.Reply reply, String nodeId, String taskId) {
        if (reply instanceof LogsProtocol.Opened o) {
            SourceRef<LogsProtocol.Lines> ref = StreamRefResolver.get(system).resolveSourceRef(o.sourceRef());
            return ref.getSource();
        }
        LOG.info("task logs unavailable node.id={} task.id={} reason={}", nodeId, taskId,
                ((LogsProtocol.Unavailable) reply).reason());
        return Source.empty();
    }
}
