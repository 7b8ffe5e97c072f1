package io.shoal.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persisted service updates per second and API latency against a running manager: creates services,
 * then updates them (read the version, post a changed spec; each update is persisted with the tasks it
 * replaces before the reply) from several clients at once, and reports percentiles as {@code name=value}.
 */
public final class ApiBench {
    private static final Pattern VERSION = Pattern.compile("\"Version\":\\{\"Index\":(\\d+)}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private ApiBench(String host) {
        this.base = host.replaceFirst("^tcp://", "http://") + "/v1.49";
    }

    /** Arguments: {@code [-H tcp://HOST:PORT] [--services N] [--updates N] [--clients N]}. */
    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("SHOAL_HOST", "tcp://127.0.0.1:2375");
        int services = 20;
        int updates = 2000;
        int clients = 8;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "-H", "--host" -> host = v;
                case "--services" -> services = positive("--services", v);
                case "--updates" -> updates = positive("--updates", v);
                case "--clients" -> clients = positive("--clients", v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: shoal-bench api [-H tcp://HOST:PORT] [--services N] [--updates N] [--clients N]");
            }
            i++;
        }
        new ApiBench(host).run(services, updates, Math.min(clients, services));
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through
        }
        throw new IllegalArgumentException(flag + ": expected a positive integer, got " + v);
    }

    private void run(int services, int updates, int clients) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            String name = "bench-" + run + "-" + i;
            expect(send("POST", "/services/create", spec(name, 0)), 201);
            names.add(name);
        }
        List<Long> updateNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> readNanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;

            int share = updates / clients + (c < updates % clients ? 1 : 0);
            List<String> own = new ArrayList<>();
            for (int i = client; i < names.size(); i += clients) {
                own.add(names.get(i)); // each client owns its services, so no update races another
            }
            work.add(pool.submit(() -> {
                for (int u = 0; u < share; u++) {
                    String name = own.get(u % own.size());
                    long t0 = System.nanoTime();
                    HttpResponse<String> current = send("GET", "/services/" + name, null);
                    long t1 = System.nanoTime();
                    Matcher m = VERSION.matcher(expect(current, 200));
                    if (!m.find()) {
                        throw new IllegalStateException("no version in " + current.body());
                    }
                    expect(send("POST", "/services/" + name + "/update?version=" + m.group(1), spec(name, u + 1)), 200);
                    long t2 = System.nanoTime();
                    readNanos.add(t1 - t0);
                    updateNanos.add(t2 - t1);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (String name : names) {
            expect(send("DELETE", "/services/" + name, null), 200);
        }
        System.out.println("services=" + services);
        System.out.println("clients=" + clients);
        System.out.println("updates=" + updateNanos.size());
        System.out.printf("updates_per_second=%.0f%n", updateNanos.size() / seconds);
        System.out.printf("update_p50_ms=%.2f%n", percentile(updateNanos, 50));
        System.out.printf("update_p99_ms=%.2f%n", percentile(updateNanos, 99));
        System.out.printf("get_p50_ms=%.2f%n", percentile(readNanos, 50));
        System.out.printf("get_p99_ms=%.2f%n", percentile(readNanos, 99));
    }

    private static String spec(String name, int generation) {
        return "{\"Name\":\"" + name + "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"busybox:latest\",\"Env\":[\"GEN="
                + generation + "\"]}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}";
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, pub)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
