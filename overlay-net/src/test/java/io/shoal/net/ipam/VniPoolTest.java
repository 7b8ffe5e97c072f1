package io.shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VniPoolTest {

    private final VniPool pool = new VniPool();

    @Test
    void lowestFreeFirstIdempotentAndReused() {
        assertThat(pool.allocate("a").orElseThrow()).isEqualTo(4096);
        assertThat(pool.allocate("b").orElseThrow()).isEqualTo(4097);
        assertThat(pool.allocate("a").orElseThrow()).isEqualTo(4096);
        assertThat(pool.release("a").orElseThrow()).isEqualTo(4096);
        assertThat(pool.allocate("c").orElseThrow()).isEqualTo(4096);
        assertThat(pool.release("a").isOk()).isFalse();
    }

    @Test
    void reserveReplaysAndRefusesConflicts() {
        assertThat(pool.reserve("a", 5000).orElseThrow()).isEqualTo(5000);
        assertThat(pool.reserve("a", 5000).isOk()).isTrue();
        assertThat(pool.reserve("b", 5000).isOk()).isFalse();
        assertThat(pool.reserve("a", 5001).isOk()).isFalse();
        assertThat(pool.reserve("c", 4095).isOk()).isFalse();
        assertThat(pool.reserve("c", 1 << 24).isOk()).isFalse();
    }
}
