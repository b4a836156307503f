package io.releasepipeline.simulator;

import io.releasepipeline.cloud.dataarts.DeployStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the simulated provider holds. Guarded by its own monitor: handlers synchronize on it. */
public final class World {

    final Map<String, User> usersById = new LinkedHashMap<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Accepted deploy calls per "project/workspace/package": the simulator's count for "never deployed twice". */
    final Map<String, Integer> deploysByPackage = new TreeMap<>();
    int packagesCreated;

    public static final class User {
        final String id;
        final String name;
        final String domain;
        final String password;
        final String ak;
        final String sk;
        final boolean apicAllowed;

        User(String id, String name, String domain, String password, String ak, String sk, boolean apicAllowed) {
            this.id = id;
            this.name = name;
            this.domain = domain;
            this.password = password;
            this.ak = ak;
            this.sk = sk;
            this.apicAllowed = apicAllowed;
        }
    }

    record Token(String userId, String projectId, Instant expiresAt) {
    }

    public static final class Project {
        final String id;
        final String name;
        final String defaultWorkspace;
        final Map<String, Workspace> workspaces = new LinkedHashMap<>();
        final Map<String, ReleasePlan> releasePlans = new LinkedHashMap<>();
        final Map<String, Instance> instances = new LinkedHashMap<>();
        final AtomicLong nextPackageId;
        // like the provider's, an id is never given twice, not even by a simulator started again (a runtime's store
        // remembers which items its promotions packaged): the first id is the start time in microseconds
        final AtomicLong nextPendingItemId = new AtomicLong(System.currentTimeMillis() * 1000);

        Project(String id, String name, String defaultWorkspace, long firstPackageId) {
            this.id = id;
            this.name = name;
            this.defaultWorkspace = defaultWorkspace;
            this.nextPackageId = new AtomicLong(firstPackageId);
            workspaces.put(defaultWorkspace, new Workspace(defaultWorkspace));
        }
    }

    public static final class Workspace {
        final String id;
        final Map<String, PendingItem> pendingItems = new LinkedHashMap<>();
        final Map<String, ReleasePackage> packages = new LinkedHashMap<>();

        Workspace(String id) {
            this.id = id;
        }
    }

    static final class PendingItem {
        String id;
        String itemName;
        String taskId;
        int taskType;
        int pendingVersion;
        int deployedVersion;
        int packageFlag;
        long submitTimestamp;
        String submitUserId;
        String submitUserName;
    }

    static final class ReleasePackage {
        String id;
        String name;
        long applyTimestamp;
        String applyUserId;
        int deployStatus = DeployStatus.TO_BE_REVIEWED.code();
        Long deployTimestamp;
        String deployUserId;
        List<String> approverIds = new ArrayList<>();
        List<PendingItem> items = new ArrayList<>();
        /** When the current deploy started, and how it will end (2 or 3); null when none is in flight. */
        Instant deployStartedAt;
        int deployOutcome;
    }

    static final class ReleasePlan {
        String id;
        List<Component> components = new ArrayList<>();
        /** The plan runs from its first read (as if started with the release it belongs to). */
        Instant startedAt;
        boolean historyRecorded;
        List<String> liveDataApis = new ArrayList<>();
    }

    static final class Component {
        String id;
        String name;
        int seq;
        String version;
        String jobId;
        String rollbackJobId;
    }

    static final class Instance {
        final String id;
        final Map<String, LiveDataApi> apis = new LinkedHashMap<>();

        Instance(String id) {
            this.id = id;
        }
    }

    static final class LiveDataApi {
        String id;
        String name;
        String path;
        String method;
        String groupId;
        String apiId;
        String envId;
        /** Package names whose successful deploy also deploys this API (regex; null for none). */
        String packagePattern;
        final List<Map<String, Object>> histories = new ArrayList<>();
    }

    synchronized Project project(String id) {
        return projects.get(id);
    }

    /** Accepted deploy calls for one package. */
    public synchronized int deploys(String projectId, String workspace, String packageId) {
        return deploysByPackage.getOrDefault(projectId + "/" + workspace + "/" + packageId, 0);
    }

    public synchronized Map<String, Integer> deploysByPackage() {
        return new TreeMap<>(deploysByPackage);
    }

    /** How many packages hold each set of pending items (ids sorted, joined by ','), in every workspace. */
    public synchronized Map<String, Integer> packagesByItemSet() {
        Map<String, Integer> bySet = new TreeMap<>();
        for (Project project : projects.values()) {
            for (Workspace ws : project.workspaces.values()) {
                for (ReleasePackage pkg : ws.packages.values()) {
                    String set = pkg.items.stream().map(i -> i.id).sorted().reduce((a, b) -> a + "," + b).orElse("");
                    bySet.merge(set, 1, Integer::sum);
                }
            }
        }
        return bySet;
    }

    /** How many packages hold each pending item (by item id), in every workspace. */
    public synchronized Map<String, Integer> packagesByItem() {
        Map<String, Integer> byItem = new TreeMap<>();
        for (Project project : projects.values()) {
            for (Workspace ws : project.workspaces.values()) {
                ws.packages.values().forEach(pkg -> pkg.items.forEach(i -> byItem.merge(i.id, 1, Integer::sum)));
            }
        }
        return byItem;
    }

    public synchronized int packagesCreated() {
        return packagesCreated;
    }
}
