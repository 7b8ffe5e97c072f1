package io.shoal.engine.container;

import io.shoal.engine.EngineException;
import java.util.List;
import java.util.Locale;

/** Signal names as Docker accepts them ({@code KILL}, {@code SIGKILL}, {@code 9}, {@code SIGRTMIN+3}) → runc's form. */
public final class Signals {

    private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private Signals() {
    }

    /** {@code SIGNAME} or the number; refuses anything else with Docker's message. */
    public static String normalise(String signal) {
        if (signal == null || signal.isEmpty()) {
            return "SIGKILL";
        }
        String s = signal.toUpperCase(Locale.ROOT);
        if (s.matches("\\d{1,2}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 64) {
            return s;
        }
        String bare = s.startsWith("SIG") ? s.substring(3) : s;
        if (NAMES.contains(bare) || bare.matches("RTM(IN|AX)([+-]([1-9]|1[0-5]))?")) {
            return "SIG" + bare;
        }
        throw EngineException.invalid("Invalid signal: " + signal);
    }
}
