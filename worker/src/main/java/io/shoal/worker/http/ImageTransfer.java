package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import java.io.IOException;

/**
 * Pull and push between this node's image store and a registry, behind {@code POST /images/create} and
 * {@code POST /images/{name}/push}. The engine's {@code registry.ImagePuller}/{@code ImagePusher} fit it as they
 * are ({@code puller::pull}; {@code (ref, auth, p) -> pusher.push(ImageReference.of(ref), auth, p)}). A failure is a
 * {@link io.shoal.engine.registry.RegistryException} (its kind carries the status) or an {@link ApiException}.
 */
public interface ImageTransfer {

    /** {@code reference} as Docker normalises it ({@code busybox:latest}, {@code host:5000/ns/name@sha256:…}). */
    PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException;

    PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException;

    /** Until the registry client is wired in: both routes answer 501 with this reason. */
    static ImageTransfer unavailable() {
        return new ImageTransfer() {
            @Override
            public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) {
                throw new ApiException(501, "pulling " + reference + " is not available on this node yet: "
                        + "no registry client is configured; load images with docker load");
            }

            @Override
            public PushResult push(String reference, AuthConfig auth, ProgressListener progress) {
                throw new ApiException(501, "pushing " + reference + " is not available on this node yet: "
                        + "no registry client is configured");
            }
        };
    }
}
