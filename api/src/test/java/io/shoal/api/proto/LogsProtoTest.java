package io.shoal.api.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.logs.LogsProtocol;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogsProtoTest {
    static final Instant T = Instant.parse("2026-11-23T08:30:01.123456789Z");

    static Stream<LogsProtocol.Wire> messages() {
        return Stream.of(
                new LogsProtocol.Subscribe("t1", new LogsProtocol.Selection(true, false, null, -1, false), "akka://shoal@h:1/temp/$a"),
                new LogsProtocol.Subscribe("t1", new LogsProtocol.Selection(false, true, T, 10, true), "akka://shoal@h:1/temp/$b"),
                new LogsProtocol.Subscribe("t1", new LogsProtocol.Selection(true, true, Instant.EPOCH, 0, true), "r"),
                new LogsProtocol.Opened("akka://shoal@h:2/system/StreamSinkRef#1", false),
                new LogsProtocol.Opened("ref", true),
                new LogsProtocol.Unavailable("no container of task t1 on this node"),
                new LogsProtocol.Lines(List.of(new LogsProtocol.Line(false, T, "hello\n"),
                        new LogsProtocol.Line(true, T.plusNanos(1), "partial é"))),
                new LogsProtocol.Lines(List.of()));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageRoundTrips(LogsProtocol.Wire m) {
        LogsProtocol.Wire back = LogsProto.fromBinary(LogsProto.toBinary(m), LogsProto.manifest(m));
        if (m instanceof LogsProtocol.Subscribe s && Instant.EPOCH.equals(s.selection().since())) {
            // the epoch itself is sent as one nanosecond after it, since 0 means "no since"
            assertThat(((LogsProtocol.Subscribe) back).selection().since()).isEqualTo(Instant.EPOCH.plusNanos(1));
        } else {
            assertThat(back).isEqualTo(m);
        }
    }

    @Test
    void anUnknownManifestOrCorruptBytesAreRefusedWithTheManifest() {
        assertThatThrownBy(() -> LogsProto.fromBinary(new byte[0], "Z")).hasMessageContaining("\"Z\"");
        assertThatThrownBy(() -> LogsProto.fromBinary(new byte[] {(byte) 0xff, 1}, "L")).hasMessageContaining("manifest L");
    }
}
