package io.shoal.engine.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellQuoteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"plain|'plain'", "it's|'it'\\''s'", "$(rm -rf /); `x`|'$(rm -rf /); `x`'",
        "a b|'a b'"})
    void everyWordStaysOneLiteralWord(String word, String quoted) {
        assertThat(RuncRuntime.shellQuote(word)).isEqualTo(quoted);
    }
}
