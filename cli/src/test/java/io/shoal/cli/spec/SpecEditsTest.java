package io.shoal.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits of a spec read from the daemon touch only their own field and keep the rest as read. */
class SpecEditsTest {
    private static ObjectNode spec(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    @Test
    void envAddReplacesInPlaceAppendsNewAndRemovalRunsLast() {
        ObjectNode s = spec("{'TaskTemplate':{'ContainerSpec':{'Image':'redis','Env':['A=1','B=2','C']}},'Unknown':{'Kept':true}}");

        SpecEdits.editEnv(s, List.of(new KeyValue("B", "3"), new KeyValue("D", "4"), new KeyValue("C", "x")), List.of("A", "D"));

        assertThat(Json.compact(s)).isEqualTo("{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\",\"Env\":[\"B=3\",\"C=x\"]}},\"Unknown\":{\"Kept\":true}}");
    }

    @Test
    void removingTheLastVariableDropsTheField() {
        ObjectNode s = spec("{'TaskTemplate':{'ContainerSpec':{'Image':'redis','Env':['A=1']}}}");

        SpecEdits.editEnv(s, List.of(), List.of("A"));

        assertThat(Json.compact(s)).isEqualTo("{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\"}}}");
    }

    @Test
    void noEditsLeaveTheSpecUntouched() {
        String json = "{\"Name\":\"web\",\"TaskTemplate\":{}}";
        ObjectNode s = spec(json);

        SpecEdits.editEnv(s, List.of(), List.of());
        SpecEdits.editLabels(s, List.of(), List.of());
        SpecEdits.editConstraints(s, List.of(), List.of());

        assertThat(Json.compact(s)).isEqualTo(json);
    }

    @Test
    void labelsAreSetThenRemoved() {
        ObjectNode s = spec("{'Labels':{'a':'1','b':'2'}}");

        SpecEdits.editLabels(s, List.of(new KeyValue("a", "9"), new KeyValue("c", "3")), List.of("b", "missing"));

        assertThat(Json.compact(s)).isEqualTo("{\"Labels\":{\"a\":\"9\",\"c\":\"3\"}}");
    }

    @Test
    void constraintsAreAddedOnceAndRemovedByExpression() {
        ObjectNode s = spec("{'TaskTemplate':{'Placement':{'Constraints':['node.role==manager','node.labels.a==b'],'MaxReplicas':2}}}");

        SpecEdits.editConstraints(s, List.of("node.labels.a==b", " node.labels.zone==east "), List.of("node.role==manager"));

        assertThat(Json.compact(s)).isEqualTo("{\"TaskTemplate\":{\"Placement\":{\"Constraints\":[\"node.labels.a==b\","
                + "\"node.labels.zone==east\"],\"MaxReplicas\":2}}}");
    }

    @Test
    void portsReplaceTheSamePublishedPortAndAreRemovedByTarget() {
        ObjectNode s = spec("{'EndpointSpec':{'Mode':'vip','Ports':[{'Protocol':'tcp','TargetPort':80,'PublishedPort':8080},"
                + "{'Protocol':'udp','TargetPort':53,'PublishedPort':53},{'TargetPort':443,'PublishedPort':8443}]}}");

        SpecEdits.editPorts(s, List.of(PortSpec.parse("8080:81")), List.of(PortSpec.parse("53"), PortSpec.parse("443")));

        assertThat(Json.compact(s)).isEqualTo("{\"EndpointSpec\":{\"Mode\":\"vip\",\"Ports\":[{\"Protocol\":\"udp\","
                + "\"TargetPort\":53,\"PublishedPort\":53},{\"Protocol\":\"tcp\",\"TargetPort\":81,\"PublishedPort\":8080,"
                + "\"PublishMode\":\"ingress\"}]}}");
    }

    @Test
    void forceUpdateCounts() {
        ObjectNode s = spec("{'TaskTemplate':{'ForceUpdate':2}}");

        SpecEdits.forceUpdate(s);

        assertThat(Json.compact(s)).isEqualTo("{\"TaskTemplate\":{\"ForceUpdate\":3}}");
    }

    @Test
    void replicasOnlyForReplicatedServices() {
        ObjectNode replicated = spec("{'Name':'web','Mode':{'Replicated':{'Replicas':1}}}");
        ObjectNode global = spec("{'Name':'agent','Mode':{'Global':{}}}");

        SpecEdits.setReplicas(replicated, 0);

        assertThat(Json.compact(replicated)).isEqualTo("{\"Name\":\"web\",\"Mode\":{\"Replicated\":{\"Replicas\":0}}}");
        assertThatThrownBy(() -> SpecEdits.setReplicas(global, 2)).isInstanceOf(InvalidArgument.class)
                .hasMessage("the replica count can only be set on a replicated service; agent is global");
    }

    @Test
    void modeNames() {
        assertThat(SpecEdits.modeName(spec("{}"))).isEqualTo("replicated");
        assertThat(SpecEdits.modeName(spec("{'Mode':{'Global':{}}}"))).isEqualTo("global");
        assertThat(SpecEdits.modeName(spec("{'Mode':{'ReplicatedJob':{}}}"))).isEqualTo("replicated job");
    }
}
