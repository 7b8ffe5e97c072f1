package io.shoal.net.linux;

import io.shoal.net.host.PermanentNetworkException;
import io.shoal.net.host.TransientNetworkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host command: an argument vector (never a shell line) and optional stdin text.
 * Every argument has already been validated by its record type.
 */
final class Command {

    private static final long TIMEOUT_SECONDS = 30;

    record Result(int exitCode, String stdout, String stderr) {}

    private Command() {}

    /** Runs and throws {@link PermanentNetworkException} on a non-zero exit. */
    static String run(List<String> argv, String stdin) {
        Result result = runAllowingFailure(argv, stdin);
        if (result.exitCode() != 0) {
            throw new PermanentNetworkException(String.join(" ", argv) + " exited " + result.exitCode() + ": "
                    + result.stderr().strip() + (stdin.isEmpty() ? "" : "\ninput:\n" + stdin));
        }
        return result.stdout();
    }

    static Result runAllowingFailure(List<String> argv, String stdin) {
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException cannotStart) {
            throw new TransientNetworkException("cannot start " + argv.get(0), cannotStart);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedEarly) {
            // its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TransientNetworkException(argv.get(0) + " timed out after " + TIMEOUT_SECONDS + " s", null);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransientNetworkException(argv.get(0) + " interrupted", interrupted);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "";
            }
        });
    }
}
