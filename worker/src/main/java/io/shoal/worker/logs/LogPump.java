package io.shoal.worker.logs;

import akka.NotUsed;
import akka.stream.OverflowStrategy;
import akka.stream.QueueOfferResult;
import akka.stream.javadsl.Source;
import akka.stream.javadsl.SourceQueueWithComplete;
import io.shoal.api.logs.LogsProtocol.Line;
import io.shoal.api.logs.LogsProtocol.Lines;
import io.shoal.engine.logs.LogEntry;
import io.shoal.engine.logs.LogQuery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * A container's output as a stream of {@link Lines}: a blocking {@link TaskOutput#read} runs on {@code executor} and
 * offers each line to a bounded queue, waiting while the consumer is slow (backpressure). When the stream is
 * cancelled (the manager's client went away) the reading thread is interrupted, so a follow of a quiet container
 * stops at once instead of at its next line. Lines read together are sent together (at most {@link #BATCH} per
 * element, gathered for at most {@link #LINGER}).
 */
public final class LogPump {
    static final int BATCH = 256;
    static final Duration LINGER = Duration.ofMillis(20);

    private LogPump() {}

    public static Source<Lines, NotUsed> source(TaskOutput output, String containerId, LogQuery query, Executor executor) {
        return Source.<Line>queue(BATCH, OverflowStrategy.backpressure())
                .mapMaterializedValue(queue -> {
                    Reader reader = new Reader(output, containerId, query, queue);
                    queue.watchCompletion().whenComplete((done, failure) -> reader.cancel());
                    executor.execute(reader);
                    return NotUsed.getInstance();
                })
                .groupedWithin(BATCH, LINGER)
                .map(lines -> new Lines(List.copyOf(lines)));
    }

    /** The blocking side: reads, offers, and ends the queue (or fails it) when the read ends. */
    private static final class Reader implements Runnable {
        private final TaskOutput output;
        private final String containerId;
        private final LogQuery query;
        private final SourceQueueWithComplete<Line> queue;
        private Thread thread;
        private boolean cancelled;

        Reader(TaskOutput output, String containerId, LogQuery query, SourceQueueWithComplete<Line> queue) {
            this.output = output;
            this.containerId = containerId;
            this.query = query;
            this.queue = queue;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                thread = Thread.currentThread();
            }
            try {
                output.read(containerId, query, this::offer);
                if (!isCancelled()) {
                    queue.complete();
                }
            } catch (Cancelled gone) {
                // the consumer cancelled: nothing to complete
            } catch (RuntimeException e) {
                if (!isCancelled()) {
                    queue.fail(e);
                }
            } finally {
                synchronized (this) {
                    thread = null;
                }
                Thread.interrupted(); // an interrupt meant for this read must not reach the executor's next task
            }
        }

        private void offer(LogEntry e) {
            if (isCancelled()) {
                throw new Cancelled();
            }
            try {
                QueueOfferResult r = queue.offer(new Line("stderr".equals(e.stream()), e.time(), e.log()))
                        .toCompletableFuture().get();
                if (r != QueueOfferResult.enqueued()) {
                    throw new Cancelled();
                }
            } catch (InterruptedException | ExecutionException gone) {
                throw new Cancelled();
            }
        }

        synchronized boolean isCancelled() {
            return cancelled;
        }

        synchronized void cancel() {
            cancelled = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Thrown through the engine's reader to stop it once the consumer is gone. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("log consumer gone", null, false, false);
        }
    }
}
