package io.shoal.manager.http;

import io.shoal.api.error.ApiException;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.shoal.manager.state.ClusterState;
import io.shoal.manager.state.Result;
import io.shoal.manager.state.StateSnapshot;
import io.shoal.manager.state.StateView;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The HTTP layer's view of the cluster state actor: reads and commands, with refusals as {@link ApiException}. */
public final class ClusterClient {
    private final ActorRef<ClusterState.Command> state;
    private final StateView view;
    private final Scheduler scheduler;
    private final Duration timeout;

    public ClusterClient(ActorRef<ClusterState.Command> state, StateView view, Scheduler scheduler, Duration timeout) {
        this.state = state;
        this.view = view;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** The latest persisted state: from this manager's view when it has one, else asked of the singleton. */
    public CompletionStage<StateSnapshot> read() {
        return view.current().<CompletionStage<StateSnapshot>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> AskPattern.ask(state, ClusterState.Read::new, timeout, scheduler));
    }

    public <T> CompletionStage<T> command(Function<ActorRef<Result<T>>, ClusterState.Command> make) {
        CompletionStage<Result<T>> reply = AskPattern.ask(state, make::apply, timeout, scheduler);
        return reply.thenApply(r -> {
            if (r instanceof Result.Ok<T> ok) {
                return ok.value();
            }
            Result.Rejected<T> no = (Result.Rejected<T>) r;
            throw new ApiException(ApiErrors.status(no.reason()), no.message());
        });
    }
}
