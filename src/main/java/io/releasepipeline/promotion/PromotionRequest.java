package io.releasepipeline.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every trigger produces and every dead letter replays: which pending items to release in which workspace,
 * how to name and approve the package, and what to watch and verify after the deploy.
 *
 * @param pendingItemIds  explicit pending items; or {@code selector} to choose them from ListFactoryPendingItems
 * @param packageName     the package's name; a name without a time suffix gets the provider's
 *                        {@code _yyyyMMddHHmmssSSS} once, when the promotion is accepted
 * @param redeployFailed  how many times a package that ended failed (3) may be deployed again (0 to 3)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionRequest(String workspace, List<String> pendingItemIds, Selector selector, String packageName,
                               String applyUserId, List<String> approverIds, Integer startupMode,
                               String releasePlanId, List<LiveDataApi> livedataApis, String correlationId,
                               Integer redeployFailed) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern TIMESTAMPED = Pattern.compile(".*_\\d{17}");
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    /** Chooses pending items: every given field must match; {@code submitted_after} is a 13-digit timestamp. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selector(String itemName, Integer taskType, String submitUserName, Long submittedAfter) {
    }

    public record LiveDataApi(String instanceId, String ldApiId) {
    }

    /** Whether the release is verified by livedata APIs' deploy history. */
    public boolean hasLiveDataApis() {
        return livedataApis != null && !livedataApis.isEmpty();
    }

    /** Every problem, each naming its field and the fix; empty when the request can run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        id(problems, "workspace", workspace, true);
        if ((pendingItemIds == null) == (selector == null)) {
            problems.add("give exactly one of pending_item_ids or selector");
        }
        if (pendingItemIds != null) {
            if (pendingItemIds.isEmpty() || pendingItemIds.size() > 1000) {
                problems.add("pending_item_ids must hold 1 to 1000 ids");
            }
            pendingItemIds.forEach(id -> id(problems, "pending_item_ids", id, true));
        }
        if (selector != null && selector.itemName() == null && selector.taskType() == null
                && selector.submitUserName() == null && selector.submittedAfter() == null) {
            problems.add("selector must name at least one of item_name, task_type, submit_user_name, submitted_after");
        }
        if (selector != null && selector.taskType() != null && selector.taskType() != 1 && selector.taskType() != 2) {
            problems.add("selector.task_type must be 1 or 2");
        }
        if (packageName != null && !NAME.matcher(packageName).matches()) {
            problems.add("package_name must be 1 to 100 letters, digits, '_', '.' or '-'");
        }
        id(problems, "apply_user_id", applyUserId, true);
        if (approverIds == null || approverIds.isEmpty()) {
            problems.add("approver_ids must hold at least one user id");
        } else {
            approverIds.forEach(id -> id(problems, "approver_ids", id, true));
        }
        if (startupMode != null && startupMode != 0 && startupMode != 1) {
            problems.add("startup_mode must be 0 or 1");
        }
        id(problems, "release_plan_id", releasePlanId, false);
        if (livedataApis != null) {
            livedataApis.forEach(api -> {
                id(problems, "livedata_apis.instance_id", api == null ? null : api.instanceId(), true);
                id(problems, "livedata_apis.ld_api_id", api == null ? null : api.ldApiId(), true);
            });
        }
        id(problems, "correlation_id", correlationId, false);
        if (redeployFailed != null && (redeployFailed < 0 || redeployFailed > 3)) {
            problems.add("redeploy_failed must be between 0 and 3");
        }
        return problems;
    }

    private static void id(List<String> problems, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field + " is required");
            }
        } else if (!ID.matcher(value).matches()) {
            problems.add(field + " must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
    }

    /** The request as it will run: a correlation id, and a package name fixed once with the provider's suffix. */
    public PromotionRequest accepted(Instant at) {
        String base = packageName == null ? "release" : packageName;
        String name = TIMESTAMPED.matcher(base).matches() ? base : base + "_" + SUFFIX.format(at);
        return new PromotionRequest(workspace, pendingItemIds, selector, name, applyUserId, approverIds,
                startupMode == null ? 1 : startupMode, releasePlanId, livedataApis,
                correlationId == null ? UUID.randomUUID().toString() : correlationId,
                redeployFailed == null ? 0 : redeployFailed);
    }
}
