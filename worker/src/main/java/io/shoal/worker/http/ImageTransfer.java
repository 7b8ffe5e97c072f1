package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import io.shoal.engine.Engine;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import java.io.IOException;

/**
 * Pull and push between this node's image store and a registry, behind {@code POST /images/create} and
 * {@code POST /images/{name}/push}: {@link #through(Engine)} on a node, a fake in route tests. A failure is a
 * {@link io.shoal.engine.registry.RegistryException} (its kind carries the status) or an {@link ApiException}.
 */
public interface ImageTransfer {

    /** {@code reference} as Docker normalises it ({@code busybox:latest}, {@code host:5000/ns/name@sha256:…}). */
    PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException;

    PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException;

    /** Through the node engine's registry client. */
    static ImageTransfer through(Engine engine) {
        return new ImageTransfer() {
            @Override
            public PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
                try {
                    return engine.pull(reference, auth, progress);
                } catch (RuntimeException e) {
                    throw EngineAdapter.classify(e);
                }
            }

            @Override
            public PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException {
                try {
                    return engine.push(reference, auth, progress);
                } catch (RuntimeException e) {
                    throw EngineAdapter.classify(e);
                }
            }
        };
    }

    /** A node without a registry client (route tests): both routes answer 501 with this reason. */
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
