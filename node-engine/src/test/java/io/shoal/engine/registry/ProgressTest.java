package io.shoal.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final String DIGEST = "sha256:8cb9962a1fddb0263490893d07d9b887345fc5552d576ee9a23bcd8729ca1a40";

    @Test
    void transfersCarryProgressDetailAsDockerSendsIt() {
        assertThat(Progress.transfer(DIGEST, Progress.Status.DOWNLOADING, 524288, 1084040).toDockerJson())
                .isEqualTo("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":524288,\"total\":1084040},"
                        + "\"id\":\"8cb9962a1fdd\"}");
    }

    @Test
    void otherStatusesHaveAnEmptyDetailAndDockersWording() {
        assertThat(Progress.of(DIGEST, Progress.Status.VERIFYING_CHECKSUM).toDockerJson())
                .isEqualTo("{\"status\":\"Verifying Checksum\",\"progressDetail\":{},\"id\":\"8cb9962a1fdd\"}");
        assertThat(new Progress("8cb9962a1fdd", Progress.Status.MOUNTED_FROM, 0, 0, "library/busybox").message())
                .isEqualTo("Mounted from library/busybox");
    }
}
