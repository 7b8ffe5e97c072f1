package io.shoal.deploy.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;

/** What this host is: name, kernel, OS, architecture, CPUs and memory, read from /proc and /etc at start; {@link #resources} re-reads what can change. */
public record HostFacts(String hostname, String kernelVersion, String operatingSystem, String architecture, int ncpu,
                        long memTotal) {

    public static HostFacts read() {
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64")) {
            arch = "x86_64";
        }
        return new HostFacts(readHostname(), firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version")),
                osName(), arch, Runtime.getRuntime().availableProcessors(), readMemTotal());
    }

    /** What can change while the daemon runs: the host's name, CPUs and memory. */
    public record Resources(String hostname, int ncpu, long memTotal) {}

    /** {@link Resources} read afresh: two small /proc files, for the worker's description at each heartbeat. */
    public static Resources resources() {
        return new Resources(readHostname(), Runtime.getRuntime().availableProcessors(), readMemTotal());
    }

    private static String readHostname() {
        String h = firstLine(Path.of("/proc/sys/kernel/hostname"), null);
        if (h != null && !h.isBlank()) {
            return h.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through to the JVM's idea
        }
        return System.getProperty("os.name", "Linux");
    }

    private static long readMemTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String firstLine(Path p, String fallback) {
        try {
            return Files.readAllLines(p).get(0).strip();
        } catch (IOException | IndexOutOfBoundsException e) {
            return fallback;
        }
    }

    /** The first non-loopback IPv4 address, for a daemon listening on 0.0.0.0 without --advertise-addr. */
    public static String defaultAdvertiseAddr() {
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return "127.0.0.1";
    }
}
