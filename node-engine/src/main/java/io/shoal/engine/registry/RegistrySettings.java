package io.shoal.engine.registry;

import io.shoal.engine.image.Descriptor.PlatformSpec;
import java.time.Duration;
import java.util.List;

/**
 * How the engine talks to registries (rule 19: read once, passed in).
 *
 * @param insecureRegistries registries reached over plain http: {@code host:port}, {@code host}, or an IPv4 CIDR
 *                           ({@code 10.0.0.0/8}) matched against IP-literal hosts; loopback is always insecure
 * @param platform           what to pick from a manifest list or OCI index
 * @param connectTimeout     TCP/TLS connect timeout per request
 * @param monolithicUploadMax blobs up to this size are pushed with one PUT; larger ones in PATCH chunks
 * @param uploadChunkSize    the size of each PATCH chunk
 * @param userAgent          sent with every request
 * @param maxConcurrentDownloads layers of one pull fetched at once (dockerd's {@code max-concurrent-downloads})
 * @param downloadAttempts   tries per blob when the connection fails or breaks mid-transfer (dockerd: 5)
 * @param retryDelay         wait before the second try, multiplied by the attempt number after that
 * @param stallTimeout       a blob download that receives no byte for this long is dropped (and retried)
 */
public record RegistrySettings(List<String> insecureRegistries, PlatformSpec platform, Duration connectTimeout,
                               long monolithicUploadMax, long uploadChunkSize, String userAgent,
                               int maxConcurrentDownloads, int downloadAttempts, Duration retryDelay,
                               Duration stallTimeout) {

    public RegistrySettings {
        insecureRegistries = List.copyOf(insecureRegistries);
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
        }
        if (downloadAttempts < 1 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("downloadAttempts must be at least 1 and retryDelay not negative: "
                    + downloadAttempts + ", " + retryDelay);
        }
        if (maxConcurrentDownloads < 1) {
            throw new IllegalArgumentException("maxConcurrentDownloads must be at least 1: " + maxConcurrentDownloads);
        }
        if (uploadChunkSize <= 0 || monolithicUploadMax < 0) {
            throw new IllegalArgumentException("upload sizes must be positive: chunk " + uploadChunkSize
                    + ", monolithic max " + monolithicUploadMax);
        }
    }

    /**
     * linux/amd64, 10 s connect, one PUT up to 32 MiB, 16 MiB chunks above, 3 layers at once (dockerd's), 3 tries
     * per blob 1 s apart, a download dropped after 60 s without a byte.
     */
    public static RegistrySettings defaults() {
        return new RegistrySettings(List.of(), PlatformSpec.LINUX_AMD64, Duration.ofSeconds(10),
                32L << 20, 16L << 20, "shoal/0.1", 3, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public RegistrySettings withInsecureRegistries(List<String> registries) {
        return new RegistrySettings(registries, platform, connectTimeout, monolithicUploadMax, uploadChunkSize,
                userAgent, maxConcurrentDownloads, downloadAttempts, retryDelay,
                stallTimeout);
    }

    public RegistrySettings withPlatform(PlatformSpec p) {
        return new RegistrySettings(insecureRegistries, p, connectTimeout, monolithicUploadMax, uploadChunkSize,
                userAgent, maxConcurrentDownloads, downloadAttempts, retryDelay,
                stallTimeout);
    }

    public RegistrySettings withUploads(long monolithicMax, long chunkSize) {
        return new RegistrySettings(insecureRegistries, platform, connectTimeout, monolithicMax, chunkSize,
                userAgent, maxConcurrentDownloads, downloadAttempts, retryDelay,
                stallTimeout);
    }

    public RegistrySettings withMaxConcurrentDownloads(int n) {
        return new RegistrySettings(insecureRegistries, platform, connectTimeout, monolithicUploadMax,
                uploadChunkSize, userAgent, n, downloadAttempts, retryDelay,
                stallTimeout);
    }

    public RegistrySettings withStallTimeout(Duration timeout) {
        return new RegistrySettings(insecureRegistries, platform, connectTimeout, monolithicUploadMax,
                uploadChunkSize, userAgent, maxConcurrentDownloads, downloadAttempts, retryDelay, timeout);
    }

    public RegistrySettings withRetries(int attempts, Duration delay) {
        return new RegistrySettings(insecureRegistries, platform, connectTimeout, monolithicUploadMax,
                uploadChunkSize, userAgent, maxConcurrentDownloads, attempts, delay,
                stallTimeout);
    }
}
