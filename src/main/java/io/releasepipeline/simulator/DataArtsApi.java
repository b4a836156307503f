package io.releasepipeline.simulator;

import io.releasepipeline.cloud.dataarts.DeployStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** DataArts Studio Factory: release packages and pending items (seeds 000, 001, 002 and ADJACENT.md). */
final class DataArtsApi {

    private final World world;
    private final LifeCycles lifeCycles;
    private final SimulatorSettings settings;

    DataArtsApi(World world, LifeCycles lifeCycles, SimulatorSettings settings) {
        this.world = world;
        this.lifeCycles = lifeCycles;
        this.settings = settings;
    }

    SimResponse listReleasePackages(SimRequest request) {
        ReleasePackageQuery query = ReleasePackageQuery.of(request.json());
        synchronized (world) {
            World.Project project = project(request);
            World.Workspace ws = workspace(project, request, false);
            lifeCycles.settle(project, ws, request.now());
            List<Map<String, Object>> matching = ws.packages.values().stream()
                    .filter(p -> query.matches(p, this::userName))
                    .map(p -> packageView(project, ws, p))
                    .sorted(query.order())
                    .toList();
            return page(matching, query.offset(), query.limit());
        }
    }

    SimResponse listPendingItems(SimRequest request) {
        Map<String, String> q = request.query();
        int limit = Fields.queryInt(q.get("limit"), "limit", 1, 100, 10);
        int offset = Fields.queryInt(q.get("offset"), "offset", 0, Integer.MAX_VALUE, 0);
        Long start = Fields.queryLong(q.get("start_time"), "start_time");
        Long end = Fields.queryLong(q.get("end_time"), "end_time");
        Long taskType = Fields.queryLong(q.get("task_type"), "task_type");
        String submitUser = q.get("submit_user_name");
        String itemName = q.get("item_name");
        synchronized (world) {
            World.Project project = project(request);
            World.Workspace ws = workspace(project, request, true);
            lifeCycles.settle(project, ws, request.now());
            List<Map<String, Object>> matching = ws.pendingItems.values().stream()
                    .filter(i -> Fields.blank(submitUser) || submitUser.equals(i.submitUserName))
                    .filter(i -> Fields.blank(itemName) || i.itemName.contains(itemName))
                    .filter(i -> taskType == null || i.taskType == taskType)
                    .filter(i -> start == null || i.submitTimestamp >= start)
                    .filter(i -> end == null || i.submitTimestamp <= end)
                    .map(i -> pendingItemView(project, i))
                    .toList();
            return page(matching, offset, limit);
        }
    }

    SimResponse createPendingItemsPackage(SimRequest request) {
        JsonNode body = request.json();
        String applyUserId = Fields.requiredString(body, "apply_user_id");
        String packageName = Fields.requiredString(body, "package_name");
        List<String> itemIds = Fields.requiredStrings(body, "pending_item_list", 1000);
        List<String> approverIds = Fields.requiredStrings(body, "approver_ids", 100);
        if (packageName.length() > 128) {
            throw ApiError.invalid("package_name must be at most 128 characters");
        }
        synchronized (world) {
            World.Project project = project(request);
            World.Workspace ws = workspace(project, request, true);
            lifeCycles.settle(project, ws, request.now());
            knownUser("apply_user_id", applyUserId);
            approverIds.forEach(id -> knownUser("approver_ids", id));
            List<World.PendingItem> items = new ArrayList<>();
            for (String id : itemIds) {
                World.PendingItem item = ws.pendingItems.get(id);
                if (item == null) {
                    throw ApiError.taskNotFound("pending_item_list: " + id);
                }
                if (item.packageFlag != 0) {
                    throw ApiError.invalid("pending_item_list: " + id + " is already in a release package");
                }
                items.add(item);
            }
            World.ReleasePackage pkg = new World.ReleasePackage();
            pkg.id = String.valueOf(project.nextPackageId.getAndIncrement());
            pkg.name = packageName;
            pkg.applyTimestamp = request.now().toEpochMilli();
            pkg.applyUserId = applyUserId;
            pkg.approverIds.addAll(approverIds);
            pkg.items.addAll(items);
            items.forEach(item -> item.packageFlag = 1);
            ws.packages.put(pkg.id, pkg);
            world.packagesCreated++;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("package_name", pkg.name);
            answer.put("release_package_id", pkg.id);
            return SimResponse.ok(answer);
        }
    }

    SimResponse deployPackages(SimRequest request) {
        JsonNode body = request.json();
        List<String> ids = Fields.requiredStrings(body, "package_ids", 100);
        Integer startupMode = Fields.optInt(body, "startup_mode", 0, 1);
        String publishType = Fields.string(body, "publish_type");
        if (publishType != null && !publishType.isEmpty() && !publishType.equals("asy") && !publishType.equals("syn")) {
            throw ApiError.invalid("publish_type must be asy or syn");
        }
        synchronized (world) {
            World.Project project = project(request);
            World.Workspace ws = workspace(project, request, false);
            lifeCycles.settle(project, ws, request.now());
            List<World.ReleasePackage> packages = new ArrayList<>();
            for (String id : ids) {
                World.ReleasePackage pkg = ws.packages.get(id);
                if (pkg == null) {
                    throw ApiError.taskNotFound("package_ids: " + id);
                }
                if (pkg.deployStartedAt != null) {
                    throw ApiError.invalid("package_ids: " + id + " is being released");
                }
                packages.add(pkg);
            }
            List<Map<String, Object>> details = new ArrayList<>();
            for (World.ReleasePackage pkg : packages) {
                pkg.deployStatus = DeployStatus.BEING_RELEASED.code();
                pkg.deployStartedAt = request.now();
                pkg.deployUserId = request.user().id;
                boolean fails = settings.failPackages().matcher(pkg.name).matches()
                        || settings.failPackages().matcher(pkg.id).matches();
                pkg.deployOutcome = (fails ? DeployStatus.FAILED : DeployStatus.SUCCESSFUL).code();
                world.deploysByPackage.merge(project.id + "/" + ws.id + "/" + pkg.id, 1, Integer::sum);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("asy_subtask_num", Math.max(1, pkg.items.size()));
                detail.put("asy_task_id", Long.toHexString(ThreadLocalRandom.current().nextLong()) + "0008");
                detail.put("package_id", Long.parseLong(pkg.id));
                details.add(detail);
            }
            return SimResponse.ok(Map.of("deploy_package_details", details));
        }
    }

    SimResponse showPackageDetail(SimRequest request) {
        synchronized (world) {
            World.Project project = project(request);
            World.Workspace ws = workspace(project, request, false);
            lifeCycles.settle(project, ws, request.now());
            World.ReleasePackage pkg = ws.packages.get(request.param(1));
            if (pkg == null) {
                throw ApiError.taskNotFound("package_id: " + request.param(1));
            }
            List<Map<String, Object>> tasks = pkg.items.stream().map(item -> {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("task_id", item.taskId);
                task.put("task_name", item.itemName);
                task.put("task_type", item.taskType);
                task.put("pending_item_id", item.id);
                task.put("pending_version", item.pendingVersion);
                return task;
            }).toList();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("release_package", packageView(project, ws, pkg));
            answer.put("task_details", tasks);
            return SimResponse.ok(answer);
        }
    }

    private World.Project project(SimRequest request) {
        World.Project project = world.projects.get(request.param(0));
        if (project == null) {
            throw new ApiError(404, "DLF.0100", "The project does not exist: " + request.param(0));
        }
        return project;
    }

    private static World.Workspace workspace(World.Project project, SimRequest request, boolean required) {
        String id = request.header("workspace");
        if (id == null || id.isEmpty()) {
            if (required) {
                throw ApiError.invalid("workspace header is required");
            }
            id = project.defaultWorkspace;
        }
        World.Workspace ws = project.workspaces.get(id);
        if (ws == null) {
            throw ApiError.invalid("workspace " + id + " does not exist");
        }
        return ws;
    }

    private void knownUser(String field, String id) {
        if (!world.usersById.containsKey(id)) {
            throw ApiError.invalid(field + ": user " + id + " does not exist");
        }
    }

    private String userName(String id) {
        World.User user = id == null ? null : world.usersById.get(id);
        return user == null ? null : user.name;
    }

    private Map<String, Object> packageView(World.Project project, World.Workspace ws, World.ReleasePackage p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("apply_timestamp", p.applyTimestamp);
        view.put("apply_user_id", p.applyUserId);
        view.put("apply_user_name", userName(p.applyUserId));
        view.put("delete_flag", 0);
        view.put("deploy_status", p.deployStatus);
        view.put("deploy_timestamp", p.deployTimestamp);
        view.put("deploy_user_id", p.deployUserId);
        view.put("deploy_user_name", userName(p.deployUserId));
        view.put("package_approvers", p.approverIds.stream()
                .map(id -> Map.of("user_id", id, "user_name", String.valueOf(userName(id)))).toList());
        view.put("package_id", p.id);
        view.put("package_name", p.name);
        view.put("project_id", project.id + "-workspace-" + ws.id);
        view.put("workspace_id", ws.id);
        return view;
    }

    private static Map<String, Object> pendingItemView(World.Project project, World.PendingItem i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pending_item_id", i.id);
        view.put("item_name", i.itemName);
        view.put("task_id", i.taskId);
        view.put("task_type", i.taskType);
        view.put("pending_version", i.pendingVersion);
        view.put("deployed_version", i.deployedVersion);
        view.put("package_flag", i.packageFlag);
        view.put("project_id", project.id);
        view.put("submit_timestamp", i.submitTimestamp);
        view.put("submit_user_id", i.submitUserId);
        view.put("submit_user_name", i.submitUserName);
        return view;
    }

    /** One page of a listing, with the total of all that matched (offset counts records, not pages). */
    private static SimResponse page(List<Map<String, Object>> matching, int offset, int limit) {
        int from = Math.min(offset, matching.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", matching.subList(from, Math.min(from + limit, matching.size())));
        answer.put("total", matching.size());
        return SimResponse.ok(answer);
    }
}
