package io.shoal.scheduler.filter;

import static io.shoal.scheduler.fixtures.Nodes.node;
import static io.shoal.scheduler.fixtures.OneNode.outcome;
import static io.shoal.scheduler.fixtures.OneNode.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.scheduler.view.NodeView;
import io.shoal.scheduler.view.Reservations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceFilterTest {
    private static final String NO = "no suitable node (insufficient resources on 1 node)";

    /** Node: 4 CPUs, 8 GiB (in MiB here), minus what is already reserved; gpu named, ssd discrete. */
    @ParameterizedTest(name = "reserved {0}mcpu/{1}MiB, ask {2}mcpu/{3}MiB gpu={4} ssd={5} -> {6}")
    @CsvSource(delimiter = '|', textBlock = """
            0    | 0    | 0    | 0    | 0 | 0 | placed
            0    | 0    | 4000 | 8192 | 0 | 0 | placed
            0    | 0    | 4001 | 0    | 0 | 0 | NO
            0    | 0    | 0    | 8193 | 0 | 0 | NO
            3000 | 0    | 1000 | 0    | 0 | 0 | placed
            3000 | 0    | 1001 | 0    | 0 | 0 | NO
            0    | 8000 | 0    | 192  | 0 | 0 | placed
            0    | 8000 | 0    | 193  | 0 | 0 | NO
            0    | 0    | 0    | 0    | 2 | 0 | placed
            0    | 0    | 0    | 0    | 3 | 0 | NO
            0    | 0    | 0    | 0    | 0 | 4 | placed
            0    | 0    | 0    | 0    | 0 | 5 | NO
            """)
    void reservationsMustFitWhatIsLeft(long reservedMilli, long reservedMiB, long askMilli, long askMiB, int gpus,
            int ssds, String expected) {
        NodeView n = node("n1").reserved(reservedMilli * 1_000_000, reservedMiB << 20)
                .named("gpu", "GPU-0", "GPU-1").discrete("ssd", 4).build();
        Reservations r = Reservations.of(askMilli * 1_000_000, askMiB << 20);
        if (gpus > 0) {
            r = r.withGeneric("gpu", gpus);
        }
        if (ssds > 0) {
            r = r.withGeneric("ssd", ssds);
        }
        assertThat(outcome(n, task().withReservations(r))).isEqualTo(expected.equals("NO") ? NO : expected);
    }
}
