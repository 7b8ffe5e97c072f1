package io.shoal.worker.http;

import io.shoal.api.error.ApiException;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.ProgressListener;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import java.io.IOException;

/**
 * Pull and push between this node's image store and a registry, behind {@code POST /images/create} and
 * {@code POST /images/{name}/push}: {@link EngineAdapter} on a node, a fake in route tests. A failure is a
 * {@link io.shoal.engine.registry.RegistryException} (its kind carries the status) or an {@link ApiException}.
 */
public interface ImageTransfer {

    /** {@code reference} as Docker normalises it ({@code busybox:latest}, {@code host:5000/ns/name@sha256:…}). */
    PullResult pull(String reference, AuthConfig auth, ProgressListener progress) throws IOException;

    PushResult push(String reference, AuthConfig auth, ProgressListener progress) throws IOException;
}
