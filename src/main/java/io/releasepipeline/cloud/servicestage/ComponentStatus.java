package io.releasepipeline.cloud.servicestage;

import java.util.Set;

/**
 * The component statuses of a release plan (page 003), in one place. The reference lists SUCCESS, FAILED,
 * ROLLBACK_SUCCEED, ROLLBACK_FAILED, ABORTED and CREATED; the example shows RUNNING; SUCCEEDED and PARTIALLY_FAILED
 * are read as their job statuses are. Statuses stay strings: a value this code does not know is carried, not
 * rejected.
 */
public final class ComponentStatus {

    /** Deployed: nothing more happens to the component. */
    public static final Set<String> DEPLOYED = Set.of("SUCCESS", "SUCCEEDED");

    /** Rolled back or aborted: nothing more happens, and the component is not deployed. */
    public static final Set<String> UNDONE = Set.of("ROLLBACK_SUCCEED", "ROLLBACK_FAILED", "ABORTED");

    /** The component failed; a rollback job may still be running (terminal once it ends, or when there is none). */
    public static final Set<String> FAILED = Set.of("FAILED", "PARTIALLY_FAILED");

    /** Not started or still running. */
    public static final Set<String> IN_PROGRESS = Set.of("CREATED", "RUNNING");

    /** Nothing more happens to the component. */
    public static final Set<String> TERMINAL = union(DEPLOYED, UNDONE);

    /** The component did not end deployed: the release failed. */
    public static final Set<String> NOT_RELEASED = union(FAILED, UNDONE);

    /** Every status this code knows; another one is logged once and polled on. */
    public static final Set<String> KNOWN = union(union(IN_PROGRESS, DEPLOYED), NOT_RELEASED);

    /** The rollback job statuses after which the rollback is over. */
    private static final Set<String> ROLLBACK_OVER = Set.of("SUCCEEDED", "FAILED");

    private ComponentStatus() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Whether the component is done: terminal, or failed with its rollback over (or without a rollback job). */
    public static boolean isDone(ReleasePlanDeployInfo.ComponentDeployInfo component) {
        String status = component.status() == null ? "" : component.status();
        return TERMINAL.contains(status) || FAILED.contains(status)
                && (component.rollbackJobId() == null || ROLLBACK_OVER.contains(component.rollbackJobStatus()));
    }
}
