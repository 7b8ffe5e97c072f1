package io.shoal.api.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shoal.api.logs.LogsProtocol.Line;
import io.shoal.api.logs.LogsProtocol.Lines;
import io.shoal.api.logs.LogsProtocol.Opened;
import io.shoal.api.logs.LogsProtocol.Selection;
import io.shoal.api.logs.LogsProtocol.Subscribe;
import io.shoal.api.logs.LogsProtocol.Unavailable;
import io.shoal.api.logs.LogsProtocol.Wire;
import java.time.Instant;

/**
 * The logs protocol ⇄ protobuf, with a one-letter manifest per message. Plain Java: the Akka serializer that
 * binds it (in the deploy module) only forwards to {@link #manifest}, {@link #toBinary} and {@link #fromBinary}.
 */
public final class LogsProto {
    private LogsProto() {}

    public static String manifest(Wire m) {
        if (m instanceof Subscribe) {
            return "S";
        } else if (m instanceof Opened) {
            return "O";
        } else if (m instanceof Unavailable) {
            return "U";
        } else if (m instanceof Lines) {
            return "L";
        }
        throw new IllegalArgumentException("no manifest for " + m.getClass().getName());
    }

    public static byte[] toBinary(Wire m) {
        if (m instanceof Subscribe s) {
            Selection q = s.selection();
            LogSelectionP.Builder sel = LogSelectionP.newBuilder().setStdout(q.stdout()).setStderr(q.stderr())
                    .setTail(q.tail()).setFollow(q.follow());
            if (q.since() != null) {
                sel.setSinceEpochNanos(Math.max(1, q.since().getEpochSecond() * 1_000_000_000L + q.since().getNano()));
            }
            return SubscribeLogsP.newBuilder().setTaskId(s.taskId()).setSelection(sel).setReplyTo(s.replyTo()).build()
                    .toByteArray();
        } else if (m instanceof Opened o) {
            return LogsOpenedP.newBuilder().setSourceRef(o.sourceRef()).setTty(o.tty()).build().toByteArray();
        } else if (m instanceof Unavailable u) {
            return LogsUnavailableP.newBuilder().setReason(u.reason()).build().toByteArray();
        } else if (m instanceof Lines l) {
            LogLinesP.Builder b = LogLinesP.newBuilder();
            for (Line line : l.lines()) {
                b.addLines(LogLineP.newBuilder().setStderr(line.stderr()).setEpochSeconds(line.time().getEpochSecond())
                        .setNanos(line.time().getNano()).setText(line.text()));
            }
            return b.build().toByteArray();
        }
        throw new IllegalArgumentException("cannot serialize " + m.getClass().getName());
    }

    /** The message for {@code manifest}; a corrupt or unknown one is an {@link IllegalArgumentException}. */
    public static Wire fromBinary(byte[] bytes, String manifest) {
        try {
            switch (manifest) {
                case "S": {
                    SubscribeLogsP p = SubscribeLogsP.parseFrom(bytes);
                    LogSelectionP q = p.getSelection();
                    long since = q.getSinceEpochNanos();
                    return new Subscribe(p.getTaskId(), new Selection(q.getStdout(), q.getStderr(),
                            since == 0 ? null : Instant.ofEpochSecond(0, since), q.getTail(), q.getFollow()), p.getReplyTo());
                }
                case "O": {
                    LogsOpenedP p = LogsOpenedP.parseFrom(bytes);
                    return new Opened(p.getSourceRef(), p.getTty());
                }
                case "U":
                    return new Unavailable(LogsUnavailableP.parseFrom(bytes).getReason());
                case "L":
                    return new Lines(LogLinesP.parseFrom(bytes).getLinesList().stream()
                            .map(l -> new Line(l.getStderr(), Instant.ofEpochSecond(l.getEpochSeconds(), l.getNanos()), l.getText()))
                            .toList());
                default:
                    throw new IllegalArgumentException("unknown logs message manifest \"" + manifest + "\"");
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("corrupt logs message (manifest " + manifest + "): " + e.getMessage(), e);
        }
    }
}
