package io.releasepipeline.simulator;

import io.releasepipeline.cloud.dataarts.DeployStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The provider's asynchronous work on the simulator's clock. A deploy moves a package to 5 and, after the deploy
 * duration, to 2 or 3; a release plan runs its components batch by batch in seq order, and a failed component's
 * rollback job runs for half a batch. States are derived from start times, so any reader sees the same timeline.
 */
final class LifeCycles {

    private final SimulatorSettings settings;

    LifeCycles(SimulatorSettings settings) {
        this.settings = settings;
    }

    /** Brings a workspace's in-flight deploys up to {@code now}; call with the world's monitor held. */
    void settle(World.Project project, World.Workspace ws, Instant now) {
        for (World.ReleasePackage pkg : ws.packages.values()) {
            if (pkg.deployStartedAt == null) {
                continue;
            }
            Instant done = pkg.deployStartedAt.plus(settings.deployDuration());
            if (now.isBefore(done)) {
                continue;
            }
            pkg.deployStatus = pkg.deployOutcome;
            pkg.deployTimestamp = done.toEpochMilli();
            pkg.deployStartedAt = null;
            if (pkg.deployOutcome == DeployStatus.SUCCESSFUL.code()) {
                pkg.items.forEach(item -> {
                    item.deployedVersion = item.pendingVersion;
                    ws.pendingItems.remove(item.id);
                });
                recordApiDeploys(project, api -> api.packagePattern != null && pkg.name.matches(api.packagePattern),
                        done);
            }
        }
    }

    /** The deploy info of a release plan at {@code now}; starts the plan at its first read. */
    Map<String, Object> deployInfo(World.Project project, World.ReleasePlan plan, Instant now) {
        if (plan.startedAt == null) {
            plan.startedAt = now;
        }
        TreeSet<Integer> batches = new TreeSet<>();
        plan.components.forEach(c -> batches.add(c.seq));
        Integer failedBatch = plan.components.stream().filter(this::fails).map(c -> c.seq)
                .min(Comparator.naturalOrder()).orElse(null);
        Duration batch = settings.componentDuration();
        boolean allSucceeded = true;
        java.util.List<Map<String, Object>> components = new java.util.ArrayList<>();
        for (World.Component c : plan.components) {
            int index = batches.headSet(c.seq).size();
            Instant start = plan.startedAt.plus(batch.multipliedBy(index));
            Instant end = start.plus(batch);
            Map<String, Object> view = componentView(c);
            if (failedBatch != null && c.seq > failedBatch) {
                Instant abortedAt = plan.startedAt.plus(batch.multipliedBy(batches.headSet(failedBatch).size() + 1));
                view.put("status", now.isBefore(abortedAt) ? "CREATED" : "ABORTED");
                view.put("job_status", "CREATED");
                allSucceeded = false;
            } else if (now.isBefore(start)) {
                view.put("status", "CREATED");
                view.put("job_status", "CREATED");
                allSucceeded = false;
            } else if (now.isBefore(end)) {
                view.put("status", "RUNNING");
                view.put("job_status", "RUNNING");
                view.put("start_time", start.toEpochMilli());
                allSucceeded = false;
            } else if (!fails(c)) {
                view.put("status", "SUCCESS");
                view.put("job_status", "SUCCEEDED");
                view.put("start_time", start.toEpochMilli());
                view.put("end_time", end.toEpochMilli());
            } else {
                allSucceeded = false;
                rollback(c, view, start, end, now);
            }
            components.add(view);
        }
        if (allSucceeded && !plan.historyRecorded) {
            plan.historyRecorded = true;
            Instant finished = plan.startedAt.plus(batch.multipliedBy(batches.size()));
            recordApiDeploys(project, api -> plan.liveDataApis.contains(api.id), finished);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", plan.id);
        info.put("components", components);
        return info;
    }

    private void rollback(World.Component c, Map<String, Object> view, Instant start, Instant end, Instant now) {
        Instant rollbackEnd = end.plus(settings.componentDuration().dividedBy(2));
        boolean rollbackFails = settings.failRollbacks().matcher(c.name).matches()
                || settings.failRollbacks().matcher(c.id).matches();
        view.put("job_status", "FAILED");
        view.put("start_time", start.toEpochMilli());
        view.put("end_time", end.toEpochMilli());
        view.put("fail_message", "Component " + c.name + " failed to deploy version " + c.version
                + ": instance health check timed out");
        view.put("rollback_job_id", "JOB-rollback-" + c.id);
        view.put("rollback_start_time", end.toEpochMilli());
        if (now.isBefore(rollbackEnd)) {
            view.put("status", "FAILED");
            view.put("rollback_job_status", "RUNNING");
        } else if (rollbackFails) {
            view.put("status", "ROLLBACK_FAILED");
            view.put("rollback_job_status", "FAILED");
            view.put("rollback_end_time", rollbackEnd.toEpochMilli());
            view.put("rollback_fail_message", "Rollback of " + c.name + " failed: previous version unavailable");
        } else {
            view.put("status", "ROLLBACK_SUCCEED");
            view.put("rollback_job_status", "SUCCEEDED");
            view.put("rollback_end_time", rollbackEnd.toEpochMilli());
        }
    }

    private boolean fails(World.Component c) {
        return settings.failComponents().matcher(c.name).matches() || settings.failComponents().matcher(c.id).matches();
    }

    private static Map<String, Object> componentView(World.Component c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", c.jobId);
        view.put("status", null);
        view.put("job_status", null);
        view.put("name", c.name);
        view.put("id", c.id);
        view.put("seq", c.seq);
        view.put("version", c.version);
        view.put("rollback_job_id", null);
        view.put("start_time", 0L);
        view.put("end_time", 0L);
        view.put("rollback_job_status", null);
        view.put("rollback_start_time", 0L);
        view.put("rollback_end_time", 0L);
        view.put("fail_message", null);
        view.put("rollback_fail_message", null);
        return view;
    }

    private static void recordApiDeploys(World.Project project, java.util.function.Predicate<World.LiveDataApi> which,
                                         Instant at) {
        for (World.Instance instance : project.instances.values()) {
            for (World.LiveDataApi api : instance.apis.values()) {
                if (which.test(api)) {
                    String id = java.util.UUID.randomUUID().toString().replace("-", "");
                    api.histories.add(DemoData.history(api, id,
                            java.time.format.DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(
                                    java.time.temporal.ChronoUnit.SECONDS))));
                }
            }
        }
    }
}
