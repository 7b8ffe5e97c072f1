package io.shoal.compose.canonical;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * compose-go's Go types as data: for each struct, its JSON fields and how each is decoded and
 * marshalled. Kinds: str, int, bool, float, dur, bytes, cpus, count, mode, cmd, hctest, strs,
 * nums, map, labels, mwe, hosts, ulimit, multi, any; {@code *} marks a pointer (kept when set),
 * {@code !} no omitempty, {@code S:x} a struct, {@code [..]} a list, {@code {..}} a map.
 */
final class GoModel {
  static final Map<String, Map<String, String>> STRUCTS = new LinkedHashMap<>();

  private GoModel() {
  }

  private static void def(String name, String fields) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : fields.trim().split("\\s+")) {
      int c = f.indexOf('=');
      m.put(f.substring(0, c), f.substring(c + 1));
    }
    STRUCTS.put(name, m);
  }

  static {
    def("service", "profiles=strs annotations=map attach=*bool build=*S:build develop=*S:develop"
        + " blkio_config=*S:blkio cap_add=strs cap_drop=strs cgroup_parent=str cgroup=str cpu_count=int"
        + " cpu_percent=float cpu_period=int cpu_quota=int cpu_rt_period=int cpu_rt_runtime=int cpus=float"
        + " cpuset=str cpu_shares=int command=cmd! configs=[S:fileref] container_name=str"
        + " credential_spec=*S:credspec depends_on={S:dependency} deploy=*S:deploy"
        + " device_cgroup_rules=strs devices=[S:devicemap] dns=strs dns_opt=strs dns_search=strs dockerfile=str"
        + " domainname=str entrypoint=cmd! provider=*S:provider environment=mwe env_file=[S:envfile]"
        + " expose=nums extends=*S:extends external_links=strs extra_hosts=hosts group_add=strs"
        + " gpus=[S:devicerequest] hostname=str healthcheck=*S:healthcheck image=str init=*bool ipc=str"
        + " isolation=str labels=labels label_file=strs links=strs logging=*S:logging log_driver=str"
        + " log_opt=map mem_limit=bytes mem_reservation=bytes memswap_limit=bytes mem_swappiness=bytes"
        + " mac_address=str models={*S:servicemodel} net=str network_mode=str networks={*S:servicenetwork}"
        + " oom_kill_disable=bool oom_score_adj=int pid=str pids_limit=int platform=str ports=[S:port]"
        + " privileged=bool pull_policy=str read_only=bool restart=str runtime=str scale=*int"
        + " secrets=[S:fileref] security_opt=strs shm_size=bytes stdin_open=bool stop_grace_period=*dur"
        + " stop_signal=str storage_opt=map sysctls=map tmpfs=strs tty=bool ulimits={*ulimit}"
        + " use_api_socket=bool user=str userns_mode=str uts=str volume_driver=str volumes=[S:volume]"
        + " volumes_from=strs working_dir=str pre_start=[S:hook] post_start=[S:hook] pre_stop=[S:hook]");
    def("provider", "type=str options=multi");
    def("build", "context=str dockerfile=str dockerfile_inline=str entitlements=strs args=mwe provenance=str"
        + " sbom=str ssh=ssh labels=labels cache_from=strs cache_to=strs no_cache=bool no_cache_filter=strs"
        + " additional_contexts=map pull=bool extra_hosts=hosts isolation=str network=str target=str"
        + " secrets=[S:fileref] shm_size=bytes tags=strs ulimits={*ulimit} platforms=strs privileged=bool");
    def("develop", "watch=[S:trigger]");
    def("trigger", "path=str! action=str! target=str exec=S:hook include=strs ignore=strs initial_sync=bool");
    def("hook", "command=cmd! image=str user=str privileged=bool working_dir=str environment=mwe per_replica=bool");
    def("blkio", "weight=int weight_device=[S:weightdevice] device_read_bps=[S:throttle]"
        + " device_read_iops=[S:throttle] device_write_bps=[S:throttle] device_write_iops=[S:throttle]");
    def("weightdevice", "path>Path=str! weight>Weight=int!");
    def("throttle", "path>Path=str! rate>Rate=bytes!");
    def("devicemap", "source=str target=str permissions=str");
    def("logging", "driver=str options=map");
    def("deploy", "mode=str replicas=*int labels=labels update_config=*S:update rollback_config=*S:update"
        + " resources=S:resources restart_policy=*S:restart placement=S:placement endpoint_mode=str");
    def("update", "parallelism=*int delay=dur failure_action=str monitor=dur max_failure_ratio=float order=str");
    def("resources", "limits=*S:resource reservations=*S:resource");
    def("resource", "cpus=cpus memory=bytes pids=int devices=[S:devicerequest] generic_resources=[S:generic]");
    def("generic", "discrete_resource_spec=*S:discrete");
    def("discrete", "kind=str! value=int!");
    def("restart", "condition=str delay=*dur max_attempts=*int window=*dur");
    def("placement", "constraints=strs preferences=[S:preference] max_replicas_per_node=int");
    def("preference", "spread=str");
    def("servicenetwork", "aliases=strs driver_opts=map gw_priority=int interface_name=str ipv4_address=str"
        + " ipv6_address=str link_local_ips=strs mac_address=str priority=int");
    def("servicemodel", "endpoint_var=str model_var=str");
    def("port", "name=str mode=str host_ip=str target=int published=str protocol=str app_protocol=str");
    def("volume", "type=str source=str target=str read_only=bool consistency=str bind=*S:bind"
        + " volume=*S:volumevolume tmpfs=*S:tmpfs image=*S:volumeimage");
    def("bind", "selinux=str propagation=str create_host_path=optout recursive=str");
    def("volumevolume", "labels=map nocopy=bool subpath=str");
    def("tmpfs", "size=bytes mode=int");
    def("volumeimage", "subpath=str");
    def("fileref", "source=str target=str uid=str gid=str mode=*mode");
    def("credspec", "config=str file=str registry=str");
    def("dependency", "condition=str restart=bool required=bool!");
    def("extends", "file=str service=str");
    def("envfile", "path=str required=bool! format=str");
    def("healthcheck", "test=hctest timeout=*dur interval=*dur retries=*int start_period=*dur"
        + " start_interval=*dur disable=bool");
    def("devicerequest", "capabilities=strs driver=str count=count device_ids=strs options=map");
    def("network", "name=str driver=str driver_opts=map ipam=S:ipam external=bool internal=bool"
        + " attachable=bool labels=labels enable_ipv4=*bool enable_ipv6=*bool");
    def("ipam", "driver=str config=[*S:ipampool] options=map");
    def("ipampool", "subnet=str gateway=str ip_range=str aux_addresses=map");
    def("volumetop", "name=str driver=str driver_opts=map external=bool labels=labels");
    def("fileobject", "name=str file=str environment=str content=str external=bool labels=labels driver=str"
        + " driver_opts=map template_driver=str");
  }
}
