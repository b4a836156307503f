package io.releasepipeline.simulator;

import io.releasepipeline.cloud.dataarts.DeployStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What tests, the demo and the benchmark add to {@link DemoData}'s seed (items, packages, plans, users), and what
 * they read back to check the provider's side of a run.
 */
public final class Scenarios {

    private final World world;
    private final Clock clock;
    private final SimulatorSettings settings;

    Scenarios(World world, Clock clock, SimulatorSettings settings) {
        this.world = world;
        this.clock = clock;
        this.settings = settings;
    }

    /** Adds pending items to a workspace (created when new); answers their ids. */
    public List<String> addPendingItems(String projectId, String workspace, List<String> itemNames) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.computeIfAbsent(workspace, World.Workspace::new);
            List<String> ids = new ArrayList<>();
            for (String name : itemNames) {
                String id = String.valueOf(project.nextPendingItemId.getAndIncrement());
                DemoData.pendingItem(ws, id, name, clock.millis());
                ids.add(id);
            }
            return ids;
        }
    }

    /** Adds an identity the gateway and IAM accept (password may be null for an AK/SK-only user). */
    public void addUser(String id, String name, String password, String ak, String sk) {
        synchronized (world) {
            DemoData.user(world, id, name, password, ak, sk, true);
        }
    }

    /** Adds a package holding new pending items, as an earlier run would have left it (deploy_status 1, 2, 3). */
    public String addPackage(String projectId, String workspace, String name, int deployStatus,
                             List<String> itemNames) {
        List<String> items = addPendingItems(projectId, workspace, itemNames);
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.get(workspace);
            String id = String.valueOf(project.nextPackageId.getAndIncrement());
            Long deployed = deployStatus == DeployStatus.TO_BE_REVIEWED.code() ? null : clock.millis();
            DemoData.releasedPackage(ws, id, name, clock.millis(), deployStatus, deployed);
            World.ReleasePackage pkg = ws.packages.get(id);
            items.forEach(itemId -> {
                World.PendingItem item = ws.pendingItems.get(itemId);
                item.packageFlag = 1;
                pkg.items.add(item);
                if (deployStatus == DeployStatus.SUCCESSFUL.code()) {
                    ws.pendingItems.remove(itemId);
                }
            });
            return id;
        }
    }

    /** Adds a release plan whose components run in the given order (seq 1, 2, ...); it starts at its first read. */
    public void addReleasePlan(String projectId, String releasePlanId, List<String> componentNames,
                               List<String> liveDataApiIds) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            List<World.Component> components = new ArrayList<>();
            for (int i = 0; i < componentNames.size(); i++) {
                String id = UUID.randomUUID().toString();
                components.add(DemoData.component(id, componentNames.get(i), i + 1, "1.0." + i, "JOB" + id));
            }
            DemoData.releasePlan(project, releasePlanId, components).liveDataApis.addAll(liveDataApiIds);
        }
    }

    /** Adds {@code count} packages with rotating deploy_status 1, 2, 3 (a long history, for paging benchmarks). */
    public void addPackages(String projectId, String workspace, int count) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.computeIfAbsent(workspace, World.Workspace::new);
            long now = clock.millis();
            for (int i = 0; i < count; i++) {
                String id = String.valueOf(project.nextPackageId.getAndIncrement());
                int status = 1 + i % 3;
                DemoData.releasedPackage(ws, id, "history_" + i, now - i, status, status == DeployStatus.TO_BE_REVIEWED.code() ? null : now - i);
            }
        }
    }

    /** The IAM tokens issued so far (for tests that look for them where they must not be). */
    public Set<String> issuedTokens() {
        return Set.copyOf(world.tokens.keySet());
    }

    /**
     * When the provider finished deploying the package of this name (its deploy_timestamp), or null while it has
     * not (as far as any reader has seen).
     */
    public Instant deployFinishedAt(String projectId, String workspace, String packageName) {
        synchronized (world) {
            return world.projects.get(projectId).workspaces.get(workspace).packages.values().stream()
                    .filter(p -> p.name.equals(packageName) && p.deployTimestamp != null && p.deployStatus != DeployStatus.TO_BE_REVIEWED.code())
                    .map(p -> Instant.ofEpochMilli(p.deployTimestamp)).findFirst().orElse(null);
        }
    }

    /** When the release plan's last batch ends (null before its first read). */
    public Instant releasePlanFinishedAt(String projectId, String releasePlanId) {
        synchronized (world) {
            World.ReleasePlan plan = world.projects.get(projectId).releasePlans.get(releasePlanId);
            if (plan == null || plan.startedAt == null) {
                return null;
            }
            long batches = plan.components.stream().map(c -> c.seq).distinct().count();
            return plan.startedAt.plus(settings.componentDuration().multipliedBy(batches));
        }
    }

    /** How many packages in a workspace carry this name: more than one means a create was duplicated. */
    public long packagesNamed(String projectId, String workspace, String name) {
        synchronized (world) {
            return world.projects.get(projectId).workspaces.get(workspace).packages.values().stream()
                    .filter(p -> p.name.equals(name)).count();
        }
    }
}
