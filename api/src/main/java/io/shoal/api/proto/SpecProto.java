package io.shoal.api.proto;

import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Service and task specs ⇄ protobuf. */
public final class SpecProto {
    private SpecProto() {}

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String nn(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static <T> List<T> list(List<T> l) {
        return l == null || l.isEmpty() ? null : List.copyOf(l);
    }

    static Map<String, String> map(Map<String, String> m) {
        return m == null || m.isEmpty() ? null : Map.copyOf(m);
    }

    private static <T> void ifSet(T v, Consumer<T> set) {
        if (v != null) {
            set.accept(v);
        }
    }

    static <A, B> List<B> mapList(List<A> in, Function<A, B> f) {
        return in == null || in.isEmpty() ? null : in.stream().map(f).toList();
    }

    public static ServiceSpecP serviceSpec(ServiceSpec s) {
        ServiceSpecP.Builder b = ServiceSpecP.newBuilder().setName(nz(s.name()));
        ifSet(s.labels(), b::putAllLabels);
        ifSet(s.taskTemplate(), t -> b.setTaskTemplate(taskSpec(t)));
        if (s.mode() != null) {
            ServiceModeP.Builder m = ServiceModeP.newBuilder();
            if (s.mode().global() != null) {
                m.setGlobal(GlobalP.getDefaultInstance());
            } else if (s.mode().replicated() != null) {
                ReplicatedP.Builder r = ReplicatedP.newBuilder();
                ifSet(s.mode().replicated().replicas(), r::setReplicas);
                m.setReplicated(r);
            }
            b.setMode(m);
        }
        ifSet(s.updateConfig(), u -> b.setUpdateConfig(updateConfig(u)));
        ifSet(s.rollbackConfig(), u -> b.setRollbackConfig(updateConfig(u)));
        if (s.endpointSpec() != null) {
            EndpointSpecP.Builder e = EndpointSpecP.newBuilder();
            ifSet(s.endpointSpec().mode(), e::setMode);
            if (s.endpointSpec().ports() != null) {
                for (ServiceSpec.PortConfig p : s.endpointSpec().ports()) {
                    PortConfigP.Builder pb = PortConfigP.newBuilder();
                    ifSet(p.name(), pb::setName);
                    ifSet(p.protocol(), pb::setProtocol);
                    ifSet(p.targetPort(), pb::setTargetPort);
                    ifSet(p.publishedPort(), pb::setPublishedPort);
                    ifSet(p.publishMode(), pb::setPublishMode);
                    e.addPorts(pb);
                }
            }
            b.setEndpointSpec(e);
        }
        return b.build();
    }

    public static ServiceSpec serviceSpec(ServiceSpecP p) {
        ServiceSpec.Mode mode = null;
        if (p.hasMode()) {
            ServiceModeP m = p.getMode();
            if (m.hasGlobal()) {
                mode = new ServiceSpec.Mode(null, new ServiceSpec.Global());
            } else if (m.hasReplicated()) {
                mode = new ServiceSpec.Mode(new ServiceSpec.Replicated(
                        m.getReplicated().hasReplicas() ? m.getReplicated().getReplicas() : null), null);
            } else {
                mode = new ServiceSpec.Mode(null, null);
            }
        }
        ServiceSpec.EndpointSpec endpoint = null;
        if (p.hasEndpointSpec()) {
            EndpointSpecP e = p.getEndpointSpec();
            endpoint = new ServiceSpec.EndpointSpec(e.hasMode() ? e.getMode() : null, mapList(e.getPortsList(),
                    pp -> new ServiceSpec.PortConfig(pp.hasName() ? pp.getName() : null,
                            pp.hasProtocol() ? pp.getProtocol() : null, pp.hasTargetPort() ? pp.getTargetPort() : null,
                            pp.hasPublishedPort() ? pp.getPublishedPort() : null,
                            pp.hasPublishMode() ? pp.getPublishMode() : null)));
        }
        return new ServiceSpec(nn(p.getName()), map(p.getLabelsMap()),
                p.hasTaskTemplate() ? taskSpec(p.getTaskTemplate()) : null, mode,
                p.hasUpdateConfig() ? updateConfig(p.getUpdateConfig()) : null,
                p.hasRollbackConfig() ? updateConfig(p.getRollbackConfig()) : null, endpoint);
    }

    static UpdateConfigP updateConfig(ServiceSpec.UpdateConfig u) {
        UpdateConfigP.Builder b = UpdateConfigP.newBuilder();
        ifSet(u.parallelism(), b::setParallelism);
        ifSet(u.delay(), b::setDelay);
        ifSet(u.failureAction(), b::setFailureAction);
        ifSet(u.monitor(), b::setMonitor);
        ifSet(u.maxFailureRatio(), b::setMaxFailureRatio);
        ifSet(u.order(), b::setOrder);
        return b.build();
    }

    static ServiceSpec.UpdateConfig updateConfig(UpdateConfigP p) {
        return new ServiceSpec.UpdateConfig(p.hasParallelism() ? p.getParallelism() : null,
                p.hasDelay() ? p.getDelay() : null, p.hasFailureAction() ? p.getFailureAction() : null,
                p.hasMonitor() ? p.getMonitor() : null, p.hasMaxFailureRatio() ? p.getMaxFailureRatio() : null,
                p.hasOrder() ? p.getOrder() : null);
    }

    public static TaskSpecP taskSpec(TaskSpec t) {
        TaskSpecP.Builder b = TaskSpecP.newBuilder();
        ifSet(t.containerSpec(), c -> b.setContainerSpec(containerSpec(c)));
        if (t.resources() != null) {
            ResourcesP.Builder r = ResourcesP.newBuilder();
            TaskSpec.Limits l = t.resources().limits();
            if (l != null) {
                LimitsP.Builder lb = LimitsP.newBuilder();
                ifSet(l.nanoCpus(), lb::setNanoCpus);
                ifSet(l.memoryBytes(), lb::setMemoryBytes);
                ifSet(l.pids(), lb::setPids);
                r.setLimits(lb);
            }
            ifSet(t.resources().reservations(), res -> r.setReservations(resourceObject(res)));
            b.setResources(r);
        }
        if (t.restartPolicy() != null) {
            TaskSpec.RestartPolicy rp = t.restartPolicy();
            RestartPolicyP.Builder r = RestartPolicyP.newBuilder();
            ifSet(rp.condition(), r::setCondition);
            ifSet(rp.delay(), r::setDelay);
            ifSet(rp.maxAttempts(), r::setMaxAttempts);
            ifSet(rp.window(), r::setWindow);
            b.setRestartPolicy(r);
        }
        if (t.placement() != null) {
            TaskSpec.Placement pl = t.placement();
            PlacementP.Builder p = PlacementP.newBuilder();
            ifSet(pl.constraints(), p::addAllConstraints);
            if (pl.preferences() != null) {
                pl.preferences().forEach(pref -> p.addSpreadPreferences(pref.spread().spreadDescriptor()));
            }
            ifSet(pl.maxReplicas(), p::setMaxReplicas);
            if (pl.platforms() != null) {
                pl.platforms().forEach(pf -> p.addPlatforms(ModelProto.platform(pf)));
            }
            b.setPlacement(p);
        }
        if (t.networks() != null) {
            for (TaskSpec.NetworkAttachmentConfig n : t.networks()) {
                NetworkAttachmentConfigP.Builder nb = NetworkAttachmentConfigP.newBuilder().setTarget(nz(n.target()));
                ifSet(n.aliases(), nb::addAllAliases);
                ifSet(n.driverOpts(), nb::putAllDriverOpts);
                b.addNetworks(nb);
            }
        }
        if (t.logDriver() != null) {
            LogDriverP.Builder lb = LogDriverP.newBuilder().setName(nz(t.logDriver().name()));
            ifSet(t.logDriver().options(), lb::putAllOptions);
            b.setLogDriver(lb);
        }
        ifSet(t.forceUpdate(), b::setForceUpdate);
        ifSet(t.runtime(), b::setRuntime);
        return b.build();
    }

    public static TaskSpec taskSpec(TaskSpecP p) {
        TaskSpec.Resources resources = null;
        if (p.hasResources()) {
            ResourcesP r = p.getResources();
            TaskSpec.Limits limits = null;
            if (r.hasLimits()) {
                LimitsP l = r.getLimits();
                limits = new TaskSpec.Limits(l.hasNanoCpus() ? l.getNanoCpus() : null,
                        l.hasMemoryBytes() ? l.getMemoryBytes() : null, l.hasPids() ? l.getPids() : null);
            }
            resources = new TaskSpec.Resources(limits, r.hasReservations() ? resourceObject(r.getReservations()) : null);
        }
        TaskSpec.RestartPolicy restart = null;
        if (p.hasRestartPolicy()) {
            RestartPolicyP r = p.getRestartPolicy();
            restart = new TaskSpec.RestartPolicy(r.hasCondition() ? r.getCondition() : null,
                    r.hasDelay() ? r.getDelay() : null, r.hasMaxAttempts() ? r.getMaxAttempts() : null,
                    r.hasWindow() ? r.getWindow() : null);
        }
        TaskSpec.Placement placement = null;
        if (p.hasPlacement()) {
            PlacementP pl = p.getPlacement();
            placement = new TaskSpec.Placement(list(pl.getConstraintsList()),
                    mapList(pl.getSpreadPreferencesList(), d -> new TaskSpec.Preference(new TaskSpec.Spread(d))),
                    pl.hasMaxReplicas() ? pl.getMaxReplicas() : null, mapList(pl.getPlatformsList(), ModelProto::platform));
        }
        return new TaskSpec(p.hasContainerSpec() ? containerSpec(p.getContainerSpec()) : null, resources, restart,
                placement,
                mapList(p.getNetworksList(), n -> new TaskSpec.NetworkAttachmentConfig(nn(n.getTarget()),
                        list(n.getAliasesList()), map(n.getDriverOptsMap()))),
                p.hasLogDriver() ? new TaskSpec.LogDriver(nn(p.getLogDriver().getName()), map(p.getLogDriver().getOptionsMap())) : null,
                p.hasForceUpdate() ? p.getForceUpdate() : null, p.hasRuntime() ? p.getRuntime() : null);
    }

    static ContainerSpecP containerSpec(TaskSpec.ContainerSpec c) {
        ContainerSpecP.Builder b = ContainerSpecP.newBuilder().setImage(nz(c.image()));
        ifSet(c.labels(), b::putAllLabels);
        ifSet(c.command(), b::addAllCommand);
        ifSet(c.args(), b::addAllArgs);
        ifSet(c.hostname(), b::setHostname);
        ifSet(c.env(), b::addAllEnv);
        ifSet(c.dir(), b::setDir);
        ifSet(c.user(), b::setUser);
        ifSet(c.groups(), b::addAllGroups);
        ifSet(c.tty(), b::setTty);
        ifSet(c.openStdin(), b::setOpenStdin);
        ifSet(c.readOnly(), b::setReadOnly);
        if (c.mounts() != null) {
            for (TaskSpec.Mount m : c.mounts()) {
                MountP.Builder mb = MountP.newBuilder().setType(nz(m.type())).setSource(nz(m.source())).setTarget(nz(m.target()));
                ifSet(m.readOnly(), mb::setReadOnly);
                b.addMounts(mb);
            }
        }
        ifSet(c.stopSignal(), b::setStopSignal);
        ifSet(c.stopGracePeriod(), b::setStopGracePeriod);
        if (c.healthcheck() != null) {
            TaskSpec.HealthConfig h = c.healthcheck();
            HealthConfigP.Builder hb = HealthConfigP.newBuilder();
            ifSet(h.test(), hb::addAllTest);
            ifSet(h.interval(), hb::setInterval);
            ifSet(h.timeout(), hb::setTimeout);
            ifSet(h.startPeriod(), hb::setStartPeriod);
            ifSet(h.retries(), hb::setRetries);
            b.setHealthcheck(hb);
        }
        ifSet(c.hosts(), b::addAllHosts);
        ifSet(c.init(), b::setInit);
        ifSet(c.capabilityAdd(), b::addAllCapabilityAdd);
        ifSet(c.capabilityDrop(), b::addAllCapabilityDrop);
        ifSet(c.sysctls(), b::putAllSysctls);
        if (c.pullOptions() != null) {
            b.setPullOptions(PullOptionsP.newBuilder().setRegistryAuth(nz(c.pullOptions().registryAuth())));
        }
        return b.build();
    }

    static TaskSpec.ContainerSpec containerSpec(ContainerSpecP p) {
        TaskSpec.HealthConfig h = null;
        if (p.hasHealthcheck()) {
            HealthConfigP hp = p.getHealthcheck();
            h = new TaskSpec.HealthConfig(list(hp.getTestList()), hp.hasInterval() ? hp.getInterval() : null,
                    hp.hasTimeout() ? hp.getTimeout() : null, hp.hasStartPeriod() ? hp.getStartPeriod() : null,
                    hp.hasRetries() ? hp.getRetries() : null);
        }
        return new TaskSpec.ContainerSpec(nn(p.getImage()), map(p.getLabelsMap()), list(p.getCommandList()),
                list(p.getArgsList()), p.hasHostname() ? p.getHostname() : null, list(p.getEnvList()),
                p.hasDir() ? p.getDir() : null, p.hasUser() ? p.getUser() : null, list(p.getGroupsList()),
                p.hasTty() ? p.getTty() : null, p.hasOpenStdin() ? p.getOpenStdin() : null,
                p.hasReadOnly() ? p.getReadOnly() : null,
                mapList(p.getMountsList(), m -> new TaskSpec.Mount(nn(m.getType()), nn(m.getSource()), nn(m.getTarget()),
                        m.hasReadOnly() ? m.getReadOnly() : null)),
                p.hasStopSignal() ? p.getStopSignal() : null, p.hasStopGracePeriod() ? p.getStopGracePeriod() : null, h,
                list(p.getHostsList()), p.hasInit() ? p.getInit() : null, list(p.getCapabilityAddList()),
                list(p.getCapabilityDropList()), map(p.getSysctlsMap()),
                p.hasPullOptions() ? new TaskSpec.PullOptions(nn(p.getPullOptions().getRegistryAuth())) : null);
    }

    static ResourceObjectP resourceObject(ResourceObject r) {
        ResourceObjectP.Builder b = ResourceObjectP.newBuilder();
        ifSet(r.nanoCpus(), b::setNanoCpus);
        ifSet(r.memoryBytes(), b::setMemoryBytes);
        if (r.genericResources() != null) {
            r.genericResources().forEach(g -> b.addGenericResources(genericResource(g)));
        }
        return b.build();
    }

    static GenericResourceP genericResource(ResourceObject.GenericResource g) {
        GenericResourceP.Builder gb = GenericResourceP.newBuilder();
        if (g.namedResourceSpec() != null) {
            gb.setNamed(NamedResourceP.newBuilder().setKind(g.namedResourceSpec().kind()).setValue(g.namedResourceSpec().value()));
        } else if (g.discreteResourceSpec() != null) {
            gb.setDiscrete(DiscreteResourceP.newBuilder().setKind(g.discreteResourceSpec().kind())
                    .setValue(g.discreteResourceSpec().value() == null ? 0 : g.discreteResourceSpec().value()));
        }
        return gb.build();
    }

    static ResourceObject resourceObject(ResourceObjectP p) {
        return new ResourceObject(p.hasNanoCpus() ? p.getNanoCpus() : null, p.hasMemoryBytes() ? p.getMemoryBytes() : null,
                mapList(p.getGenericResourcesList(), ModelProto::generic));
    }
}
