package io.shoal.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.api.logs.LogsProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LogFormatTest {
    static final Instant T = Instant.parse("2026-11-23T08:30:01.1234Z");
    static final LogMessage OUT = new LogMessage("node1", "svc1", "task1", new LogsProtocol.Line(false, T, "hello\n"));
    static final LogMessage ERR = new LogMessage("node1", "svc1", "task1", new LogsProtocol.Line(true, T, "oops\n"));
    static final String DETAILS = "com.docker.swarm.node.id=node1,com.docker.swarm.service.id=svc1,com.docker.swarm.task.id=task1";

    @Test
    void eachLineIsOneFrameWithItsStreamAndBigEndianLength() {
        byte[] frame = new LogFormat(true, false, false).encode(ERR);
        assertThat(Arrays.copyOf(frame, 8)).containsExactly(2, 0, 0, 0, 0, 0, 0, 5);
        assertThat(new String(frame, 8, frame.length - 8, StandardCharsets.UTF_8)).isEqualTo("oops\n");
        assertThat(new LogFormat(true, false, false).encode(OUT)[0]).isEqualTo((byte) 1);
    }

    @Test
    void aLongLineCarriesItsLengthInAllFourBytes() {
        String text = "x".repeat(70_000) + "\n";
        byte[] frame = new LogFormat(true, false, false).encode(new LogMessage("n", "s", "t", new LogsProtocol.Line(false, T, text)));
        assertThat(Arrays.copyOf(frame, 8)).containsExactly(1, 0, 0, 0, 0, 1, 0x11, 0x71);
        assertThat(frame).hasSize(8 + 70_001);
    }

    @Test
    void detailsPrefixTheContextSortedByKeyAsTheDockerCliParsesIt() {
        assertThat(new LogFormat(true, false, true).line(OUT)).isEqualTo(DETAILS + " hello\n");
    }

    @Test
    void theTimestampComesFirstWithNineFractionDigits() {
        assertThat(new LogFormat(true, true, true).line(OUT)).isEqualTo("2026-11-23T08:30:01.123400000Z " + DETAILS + " hello\n");
        assertThat(new LogFormat(true, true, false).line(ERR)).isEqualTo("2026-11-23T08:30:01.123400000Z oops\n");
    }

    @Test
    void withATtyTheBytesGoOutUnframed() {
        assertThat(new String(new LogFormat(false, false, false).encode(OUT), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @ParameterizedTest
    @CsvSource({"abc-_.~XYZ09,abc-_.~XYZ09", "'a b',a+b", "a=b,a%3Db", "'a,b',a%2Cb", "é,%C3%A9", "*,%2A"})
    void attributesAreEscapedAsGoQueryEscapeDoes(String raw, String escaped) {
        assertThat(LogFormat.queryEscape(raw)).isEqualTo(escaped);
        assertThat(LogFormat.attributes(Map.of("k", raw))).isEqualTo("k=" + escaped);
    }
}
