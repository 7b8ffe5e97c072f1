package io.shoal.manager.http.docker;

/** Docker's API version negotiation: a {@code /v1.NN} prefix must lie within [minimum, current]. */
final class Versions {
    private Versions() {}

    /** Null when the version is served, else dockerd's message. */
    static String check(String version) {
        if (compare(version, DaemonInfo.API_VERSION) > 0) {
            return "client version " + version + " is too new. Maximum supported API version is " + DaemonInfo.API_VERSION;
        }
        if (compare(version, DaemonInfo.MIN_API_VERSION) < 0) {
            return "client version " + version + " is too old. Minimum supported API version is "
                    + DaemonInfo.MIN_API_VERSION + ", please upgrade your client to a newer version";
        }
        return null;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
