package io.shoal.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    private static byte[] json(String s) {
        return s.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] INDEX = json("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_INDEX + "',"
            + "'manifests':["
            + "{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'sha256:arm','size':1,"
            + "'platform':{'os':'linux','architecture':'arm64','variant':'v8'}},"
            + "{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'sha256:att','size':1,"
            + "'platform':{'os':'unknown','architecture':'unknown'}},"
            + "{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'sha256:amd','size':2,"
            + "'platform':{'os':'linux','architecture':'amd64'}}]}");

    @Test
    void picksLinuxAmd64FromAnIndex() {
        Manifests.Document doc = Manifests.parse(INDEX, null);
        assertThat(doc).isInstanceOf(Manifests.Document.Index.class);
        assertThat(Manifests.select((Manifests.Document.Index) doc, Descriptor.PlatformSpec.LINUX_AMD64))
                .get().extracting(Descriptor::digest).isEqualTo("sha256:amd");
    }

    @Test
    void readsADockerManifestListByContentType() {
        byte[] list = json("{'schemaVersion':2,'manifests':[{'digest':'sha256:x','size':3,"
                + "'platform':{'os':'linux','architecture':'amd64'}}]}");
        Manifests.Document doc = Manifests.parse(list, MediaTypes.DOCKER_LIST + "; charset=utf-8");
        assertThat(doc).isInstanceOf(Manifests.Document.Index.class);
    }

    @Test
    void readsAnImageManifestWithLayersInOrder() {
        byte[] manifest = json("{'schemaVersion':2,'mediaType':'" + MediaTypes.DOCKER_MANIFEST + "',"
                + "'config':{'mediaType':'" + MediaTypes.DOCKER_CONFIG + "','digest':'sha256:c','size':7},"
                + "'layers':[{'mediaType':'" + MediaTypes.DOCKER_LAYER_GZIP + "','digest':'sha256:l1','size':10},"
                + "{'mediaType':'" + MediaTypes.DOCKER_LAYER_GZIP + "','digest':'sha256:l2','size':20}]}");
        Manifests.Document doc = Manifests.parse(manifest, null);
        Manifests.Document.Image image = (Manifests.Document.Image) doc;
        assertThat(image.config().digest()).isEqualTo("sha256:c");
        assertThat(image.layers()).extracting(Descriptor::digest).containsExactly("sha256:l1", "sha256:l2");
    }

    @Test
    void refusesSchema1AndGarbage() {
        assertThat(Manifests.parse(json("{'schemaVersion':1,'fsLayers':[]}"), null))
                .isInstanceOf(Manifests.Document.Invalid.class);
        assertThat(Manifests.parse(json("not json"), null)).isInstanceOf(Manifests.Document.Invalid.class);
        assertThat(Manifests.parse(json("{'schemaVersion':2,'mediaType':'text/plain'}"), null))
                .isInstanceOf(Manifests.Document.Invalid.class);
    }

    @Test
    void parsesAnImageConfig() throws Exception {
        byte[] config = json("{'architecture':'amd64','os':'linux','config':{'Env':['PATH=/bin','A=1'],"
                + "'Entrypoint':['/entry'],'Cmd':['run'],'WorkingDir':'/app','User':'1000',"
                + "'ExposedPorts':{'80/tcp':{}},'Volumes':{'/data':{}},'Labels':{'k':'v'},'StopSignal':'SIGQUIT',"
                + "'Healthcheck':{'Test':['CMD-SHELL','true'],'Interval':5000000000,'Retries':2}},"
                + "'rootfs':{'type':'layers','diff_ids':['sha256:d1']}}");
        ImageConfig c = ImageConfig.parse(config);
        assertThat(c.entrypoint()).containsExactly("/entry");
        assertThat(c.exposedPorts()).containsExactly("80/tcp");
        assertThat(c.volumes()).containsExactly("/data");
        assertThat(c.healthcheck().interval().toSeconds()).isEqualTo(5);
        assertThat(c.healthcheck().retries()).isEqualTo(2);
        assertThat(c.diffIds()).containsExactly("sha256:d1");
        assertThat(ImageConfig.parse(json("{'config':{}}")).cmd()).isNull();
    }
}
