package io.shoal.engine.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void everyWordStaysOneLiteralWord() {
        assertThat(RuncRuntime.shellQuote("plain")).isEqualTo("'plain'");
        assertThat(RuncRuntime.shellQuote("it's")).isEqualTo("'it'\\''s'");
        assertThat(RuncRuntime.shellQuote("$(rm -rf /); `x` a b")).isEqualTo("'$(rm -rf /); `x` a b'");
    }
}
