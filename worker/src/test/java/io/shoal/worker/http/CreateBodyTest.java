package io.shoal.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.api.error.ApiException;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.NetworkMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateBodyTest {
    static CreateBody parse(String name, String json) {
        return CreateBody.parse(name, NodeJson.read(json, "container config"));
    }

    @Test
    void readsTheCliBodyIntoTheEngineRequest() {
        CreateBody b = parse("/web", "{\"Image\":\"busybox\",\"Cmd\":[\"echo\",\"hi\"],\"Entrypoint\":null,\"Env\":[\"A=1\"],"
                + "\"Tty\":true,\"OpenStdin\":true,\"StopTimeout\":3,\"HostConfig\":{\"AutoRemove\":true,\"NanoCpus\":1500000000,"
                + "\"Binds\":[\"/srv:/srv:ro\",\"data:/data\"],\"NetworkMode\":\"host\",\"PidsLimit\":null,"
                + "\"Mounts\":[{\"Type\":\"tmpfs\",\"Target\":\"/run\",\"TmpfsOptions\":{\"SizeBytes\":1024,\"Mode\":448}},"
                + "{\"Type\":\"volume\",\"Source\":\"cache\",\"Target\":\"/cache\"}],"
                + "\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":100,\"Hard\":200}]}}");
        assertThat(b.autoRemove()).isTrue();
        assertThat(b.request().name()).isEqualTo("web");
        assertThat(b.request().config().cmd()).containsExactly("echo", "hi");
        assertThat(b.request().config().entrypoint()).isNull();
        assertThat(b.request().tty()).isTrue();
        assertThat(b.request().openStdin()).isTrue();
        assertThat(b.request().stopTimeout()).hasSeconds(3);
        HostConfig h = b.request().host();
        assertThat(h.cpuPeriod()).isEqualTo(100_000);
        assertThat(h.cpuQuota()).isEqualTo(150_000);
        assertThat(h.binds()).containsExactly(new HostConfig.Bind("/srv", "/srv", true), new HostConfig.Bind("data", "/data", false));
        assertThat(h.network()).isInstanceOf(NetworkMode.Host.class);
        assertThat(h.tmpfs()).containsEntry("/run", "size=1024,mode=700");
        assertThat(h.ulimits().get(0).type()).isEqualTo("RLIMIT_NOFILE");
        assertThat(b.request().volumes()).isEqualTo(Map.of("cache", "/cache"));
    }

    @Test
    void anEmptyEntrypointResetsTheImagesAndBridgeMeansAnUnconnectedNamespace() {
        CreateBody b = parse(null, "{\"Image\":\"busybox\",\"Entrypoint\":[\"\"],\"HostConfig\":{\"NetworkMode\":\"bridge\"}}");
        assertThat(b.request().config().entrypoint()).isEqualTo(List.of());
        assertThat(b.request().host().network()).isInstanceOf(NetworkMode.None.class);
        assertThat(b.autoRemove()).isFalse();
    }

    @Test
    void badInputIsA400NamingWhatIsWrong() {
        assertThatThrownBy(() -> parse("a b", "{\"Image\":\"busybox\"}")).isInstanceOf(ApiException.class)
                .hasMessage("Invalid container name (a b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThatThrownBy(() -> parse(null, "{\"Image\":\"busybox\",\"HostConfig\":{\"Binds\":[\"/a\"]}}"))
                .hasMessage("invalid volume specification: '/a'");
        assertThatThrownBy(() -> parse(null, "{\"Image\":\"busybox\",\"HostConfig\":{\"Binds\":[\"/a:/b:rx\"]}}"))
                .hasMessage("invalid mode: rx in '/a:/b:rx'");
        assertThatThrownBy(() -> parse(null, "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"overlay1\"}}"))
                .hasMessageStartingWith("network overlay1 not found");
        assertThatThrownBy(() -> parse(null, "{\"Image\":\"busybox\",\"HostConfig\":{\"Mounts\":[{\"Type\":\"npipe\",\"Target\":\"/x\"}]}}"))
                .hasMessage("invalid mount config: mount type unknown: \"npipe\"");
        assertThatThrownBy(() -> NodeJson.read("[1]", "container config")).hasMessage("invalid container config: expected a JSON object");
    }
}
