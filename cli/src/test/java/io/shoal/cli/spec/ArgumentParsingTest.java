package io.shoal.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.cli.client.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** KEY=VALUE pairs, CPU and memory quantities, ports and constraints, as the docker CLI reads them. */
class ArgumentParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"A=1|A|1", "A=|A|''", "URL=http://x/?a=b|URL|http://x/?a=b", "'a.b-c=  spaced '|a.b-c|'  spaced '"})
    void keyValues(String raw, String key, String value) {
        assertThat(KeyValue.parse(raw, "environment variable")).isEqualTo(new KeyValue(key, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NOVALUE|invalid environment variable \"NOVALUE\": expected KEY=VALUE",
            "=1|invalid environment variable \"=1\": the key is empty",
            "A B=1|invalid environment variable \"A B=1\": the key contains whitespace"})
    void badKeyValues(String raw, String message) {
        assertThatThrownBy(() -> KeyValue.parse(raw, "environment variable")).isInstanceOf(InvalidArgument.class).hasMessage(message);
    }

    @Test
    void aLabelMayHaveNoValueButAKeyToRemoveMayNotHaveOne() {
        assertThat(KeyValue.parseLabel("com.example.flag")).isEqualTo(new KeyValue("com.example.flag", ""));
        assertThatThrownBy(() -> KeyValue.parseLabel("=x")).hasMessageContaining("the key is empty");
        assertThat(KeyValue.parseKey("A", "key")).isEqualTo("A");
        assertThatThrownBy(() -> KeyValue.parseKey("A=1", "key")).hasMessage("invalid key \"A=1\": expected a KEY without '='");
    }

    @ParameterizedTest
    @CsvSource({"1, 1000000000", "0.5, 500000000", "1.5, 1500000000", "0.000000001, 1", "0, 0", "2.000, 2000000000"})
    void cpus(String raw, long nanos) {
        assertThat(Quantities.nanoCpus(raw)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "half", "0.0000000001", "", "1e400"})
    void badCpus(String raw) {
        assertThatThrownBy(() -> Quantities.nanoCpus(raw)).isInstanceOf(InvalidArgument.class).hasMessageContaining("invalid CPU count");
    }

    @ParameterizedTest
    @CsvSource({"100, 100", "100b, 100", "1k, 1024", "512m, 536870912", "512M, 536870912", "1g, 1073741824", "1GiB, 1073741824",
            "1.5g, 1610612736", "2gb, 2147483648", "1t, 1099511627776"})
    void memory(String raw, long bytes) {
        assertThat(Quantities.memoryBytes(raw)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1m", "12zb", "m", "lots", "99999999999p"})
    void badMemory(String raw) {
        assertThatThrownBy(() -> Quantities.memoryBytes(raw)).isInstanceOf(InvalidArgument.class).hasMessageContaining("invalid size");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8080:80|{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishedPort\":8080,\"PublishMode\":\"ingress\"}",
            "53:53/UDP|{\"Protocol\":\"udp\",\"TargetPort\":53,\"PublishedPort\":53,\"PublishMode\":\"ingress\"}",
            "80|{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishMode\":\"ingress\"}",
            "published=8443,target=443,mode=host|{\"Protocol\":\"tcp\",\"TargetPort\":443,\"PublishedPort\":8443,\"PublishMode\":\"host\"}",
            "target=9000|{\"Protocol\":\"tcp\",\"TargetPort\":9000,\"PublishMode\":\"ingress\"}"})
    void ports(String raw, String json) {
        assertThat(Json.compact(PortSpec.parse(raw).toJson())).isEqualTo(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:80", "8080:65536", "127.0.0.1:8080:80", "80/icmp", "x:80", "published=80", "target=80,mode=local",
            "target=80,colour=red", "target=80,bare"})
    void badPorts(String raw) {
        assertThatThrownBy(() -> PortSpec.parse(raw)).isInstanceOf(InvalidArgument.class).hasMessageStartingWith("invalid port \"" + raw + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node.role==manager", "node.labels.zone != east", "node.hostname==web-1", "engine.labels.os==linux"})
    void constraints(String raw) {
        assertThat(Constraints.validate(raw)).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zone", "node.role=manager", "==x", "node.role==", "node.role<>manager"})
    void badConstraints(String raw) {
        assertThatThrownBy(() -> Constraints.validate(raw)).isInstanceOf(InvalidArgument.class).hasMessageContaining("expected ATTRIBUTE==VALUE");
    }
}
