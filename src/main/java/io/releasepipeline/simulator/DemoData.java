package io.releasepipeline.simulator;

import io.releasepipeline.cloud.Credentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's seed: every entity of the API reference's examples (so each documented example request, sent
 * verbatim, gets an answer of the documented shape) and the demo identities it accepts. These credentials only
 * open the simulator; they are printed by the {@code simulator} command on purpose.
 */
public final class DemoData {

    public static final String PROJECT_ID = "62099355b894428e8916573ae635f1f9";
    public static final String WORKSPACE = "45be704b28cb4f25a39221169fd3e27e";
    public static final String APPLY_USER_ID = "f8ccc2ff3c7748e8a7bfede38ae1cffa";
    public static final String APPROVER_ID = "7b71e498e75d44048c9a22dd3c54f978";
    public static final String RELEASE_PLAN_ID = "716eda33-dbc6-47f3-953f-29119edd5e5c";
    public static final String INSTANCE_ID = "5c1a6f4e3b2d4c7a9e8f0a1b2c3d4e5f";
    public static final String LD_API_ID = "bd42841c20184da6bbf457c6d8a06e37";

    public static final String IAM_DOMAIN = "demo-domain";
    public static final String IAM_USER = "ei_dlf_l00341563";
    public static final String AK = "SIMULATORDEMOAK00001";
    public static final String SK = "simulatorDemoSecretKey00000000000000000000";
    public static final String IAM_PASSWORD = "simulator-demo-password";
    public static final Credentials CREDENTIALS = new Credentials(AK, SK, IAM_PASSWORD);

    /** An identity without permission on ROMA APIC: its calls there answer 403 APIG.1005. */
    public static final String READONLY_AK = "SIMULATORREADONLY001";
    public static final String READONLY_SK = "simulatorReadonlySecretKey0000000000000000";

    /** The worked example of ADJACENT.md's signing section. */
    public static final String EXAMPLE_AK = "HARNESSEXAMPLEAK0001";
    public static final String EXAMPLE_SK = "harnessExampleSecretKey0000000000000000000";

    private DemoData() {
    }

    static void seed(World world) {
        user(world, APPROVER_ID, IAM_USER, IAM_PASSWORD, AK, SK, true);
        user(world, APPLY_USER_ID, "dlf_developer", null, EXAMPLE_AK, EXAMPLE_SK, true);
        user(world, "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "dlf_readonly", null, READONLY_AK, READONLY_SK, false);

        // Pages 000 and 001: packages 3 and 4, pending item 26; the next package is 13 as in 001's answer.
        World.Project main = project(world, PROJECT_ID, "cn-north-4", WORKSPACE, 13);
        World.Workspace ws = main.workspaces.get(WORKSPACE);
        releasedPackage(ws, "4", "ads_supplier_inventory_info__ads_supplier_inventory_info_20231118143537",
                1700288912934L, 3, 1700289155129L);
        releasedPackage(ws, "3", "aa_20231118143318", 1700288777664L, 2, 1700289161361L);
        pendingItem(ws, "26", "job_0948", 1747106460444L);

        // Page 002: package 23 in the default workspace of its project.
        World.Project other = project(world, "b384b9e9ab9b4ee8994c8633aabc9505", "cn-north-4",
                "c4ca4238a0b923820dcc509a6f75849b", 24);
        releasedPackage(other.workspaces.get(other.defaultWorkspace), "23", "example_package_23",
                1700288000000L, 1, null);

        // ADJACENT.md's signing example: package 1001 in workspace ws-0001.
        World.Project signing = project(world, "0123456789abcdef0123456789abcdef", "cn-north-4", "ws-0001", 1002);
        releasedPackage(signing.workspaces.get("ws-0001"), "1001", "signing_example_1001", 1704067200000L, 1, null);

        // Page 003: the release plan with component "sch"; page 004: the livedata API and its deploy history.
        World.ReleasePlan plan = releasePlan(main, RELEASE_PLAN_ID, List.of(
                component("df49e875-000c-4d69-8f45-c4f384549e1b", "sch", 1, "2024.0802.18390",
                        "JOB6999c66d-cb39-4c46-9f98-893b704300e0")));
        plan.liveDataApis.add(LD_API_ID);
        World.Instance instance = new World.Instance(INSTANCE_ID);
        main.instances.put(INSTANCE_ID, instance);
        World.LiveDataApi api = liveDataApi(instance, LD_API_ID, "ads_supplier_inventory", "/ads/supplier/inventory",
                "01ce7564a2544713b80c7c08eb85f5d0", "1d0432f1a82a49d08b9308ae7bd96ca6");
        api.histories.add(history(api, "abbe44b56eda428d84172343674c9cd6", "2020-09-28T11:01:09Z"));
    }

    static void user(World world, String id, String name, String password, String ak, String sk, boolean apic) {
        world.usersById.put(id, new World.User(id, name, IAM_DOMAIN, password, ak, sk, apic));
    }

    static World.Project project(World world, String id, String name, String workspace, long firstPackageId) {
        World.Project project = new World.Project(id, name, workspace, firstPackageId);
        world.projects.put(id, project);
        return project;
    }

    static void releasedPackage(World.Workspace ws, String id, String name, long applied, int status, Long deployed) {
        World.ReleasePackage pkg = new World.ReleasePackage();
        pkg.id = id;
        pkg.name = name;
        pkg.applyTimestamp = applied;
        pkg.applyUserId = APPROVER_ID;
        pkg.deployStatus = status;
        pkg.deployTimestamp = deployed;
        pkg.deployUserId = deployed == null ? null : APPROVER_ID;
        pkg.approverIds.add(APPROVER_ID);
        ws.packages.put(id, pkg);
    }

    static World.PendingItem pendingItem(World.Workspace ws, String id, String name, long submitted) {
        World.PendingItem item = new World.PendingItem();
        item.id = id;
        item.itemName = name;
        item.taskId = id;
        item.taskType = 1;
        item.pendingVersion = 2;
        item.deployedVersion = 1;
        item.submitTimestamp = submitted;
        item.submitUserId = APPLY_USER_ID;
        item.submitUserName = "dlf_developer";
        ws.pendingItems.put(id, item);
        return item;
    }

    static World.ReleasePlan releasePlan(World.Project project, String id, List<World.Component> components) {
        World.ReleasePlan plan = new World.ReleasePlan();
        plan.id = id;
        plan.components.addAll(components);
        project.releasePlans.put(id, plan);
        return plan;
    }

    static World.Component component(String id, String name, int seq, String version, String jobId) {
        World.Component component = new World.Component();
        component.id = id;
        component.name = name;
        component.seq = seq;
        component.version = version;
        component.jobId = jobId;
        return component;
    }

    static World.LiveDataApi liveDataApi(World.Instance instance, String id, String name, String path, String groupId,
                                         String apiId) {
        World.LiveDataApi api = new World.LiveDataApi();
        api.id = id;
        api.name = name;
        api.path = path;
        api.method = "GET";
        api.groupId = groupId;
        api.apiId = apiId;
        api.envId = "DEFAULT_ENVIRONMENT_RELEASE_ID";
        instance.apis.put(id, api);
        return api;
    }

    static Map<String, Object> history(World.LiveDataApi api, String id, String deployTime) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", api.name);
        definition.put("path", api.path);
        definition.put("method", api.method);
        definition.put("description", "");
        definition.put("version", "1.0.0");
        definition.put("content_type", "json");
        definition.put("return_format", false);
        definition.put("parameters", List.of());
        definition.put("id", api.id);
        definition.put("instance", INSTANCE_ID);
        definition.put("type", "data");
        definition.put("status", 4);
        definition.put("created_time", "2020-09-28T10:58:30Z");
        definition.put("modified_time", deployTime);
        definition.put("scripts", List.of());
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("id", id);
        history.put("ld_api_id", api.id);
        history.put("group_id", api.groupId);
        history.put("env_id", api.envId);
        history.put("api_id", api.apiId);
        history.put("deploy_time", deployTime);
        history.put("api_definition", definition);
        return history;
    }
}
