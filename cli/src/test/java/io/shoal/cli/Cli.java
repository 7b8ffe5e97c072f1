package io.shoal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs {@code shoal} in-process against a daemon address, with a fixed clock, capturing both streams. */
public final class Cli {
    /** Two minutes after the fixtures' task started running. */
    public static final Instant NOW = Instant.parse("2016-06-07T21:09:31.290032978Z");

    public record Result(int code, String out, String err) {}

    private Cli() {}

    public static Result run(String address, String... args) {
        return run(Map.of(ShoalCli.HOST_ENV, address), args);
    }

    public static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ShoalCli.run(env, Clock.fixed(NOW, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
