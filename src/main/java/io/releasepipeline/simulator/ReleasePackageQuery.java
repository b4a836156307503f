package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters, order and page of a ListFactoryReleasePackages body, validated as the service validates them
 * (DLF.3051 naming the field).
 */
record ReleasePackageQuery(String keyWord, String applyUser, String deployUser, Long applyBegin, Long applyEnd,
                           Long deployBegin, Long deployEnd, List<String> applyUsers, List<String> deployUsers,
                           List<Integer> statuses, String direction, String column, int limit, int offset) {

    private static final Set<String> ORDER_COLUMNS = Set.of("apply_timestamp", "deploy_timestamp", "package_name",
            "package_id", "deploy_status");

    static ReleasePackageQuery of(JsonNode body) {
        String keyWord = Fields.string(body, "key_word");
        String applyUser = Fields.string(body, "apply_user_name");
        String deployUser = Fields.string(body, "deploy_user_name");
        Long applyBegin = Fields.optLong(body, "apply_begin_time");
        Long applyEnd = Fields.optLong(body, "apply_end_time");
        Long deployBegin = Fields.optLong(body, "deploy_begin_time");
        Long deployEnd = Fields.optLong(body, "deploy_end_time");
        List<String> applyUsers = Fields.optStrings(body, "apply_user_name_filter");
        List<String> deployUsers = Fields.optStrings(body, "deploy_user_name_filter");
        List<Integer> statuses = Fields.optInts(body, "deploy_status_filter");
        String direction = orDefault(Fields.string(body, "sorted_direction"), "desc");
        String column = orDefault(Fields.string(body, "order_column"), "apply_timestamp");
        Integer limit = Fields.optInt(body, "limit", 1, 100);
        Integer offset = Fields.optInt(body, "offset", 0, Integer.MAX_VALUE);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiError.invalid("sorted_direction must be asc or desc");
        }
        if (!ORDER_COLUMNS.contains(column)) {
            throw ApiError.invalid("order_column must be one of " + ORDER_COLUMNS);
        }
        if (!Fields.blank(applyUser) && applyUsers != null && !applyUsers.contains(applyUser)) {
            throw ApiError.invalid("apply_user_name must be contained in apply_user_name_filter");
        }
        if (!Fields.blank(deployUser) && deployUsers != null && !deployUsers.contains(deployUser)) {
            throw ApiError.invalid("deploy_user_name must be contained in deploy_user_name_filter");
        }
        return new ReleasePackageQuery(keyWord, applyUser, deployUser, applyBegin, applyEnd, deployBegin, deployEnd,
                applyUsers, deployUsers, statuses, direction, column, limit == null ? 10 : limit,
                offset == null ? 0 : offset);
    }

    /** Whether a package passes every filter; {@code userName} names a user id as the answer shows it. */
    boolean matches(World.ReleasePackage p, Function<String, String> userName) {
        String applyName = userName.apply(p.applyUserId);
        String deployName = userName.apply(p.deployUserId);
        return (Fields.blank(keyWord) || p.name.contains(keyWord))
                && (Fields.blank(applyUser) || applyUser.equals(applyName))
                && (Fields.blank(deployUser) || deployUser.equals(deployName))
                && (applyUsers == null || applyUsers.contains(applyName))
                && (deployUsers == null || deployUsers.contains(deployName))
                && (statuses == null || statuses.isEmpty() || statuses.contains(p.deployStatus))
                && (applyBegin == null || p.applyTimestamp >= applyBegin)
                && (applyEnd == null || p.applyTimestamp <= applyEnd)
                && (deployBegin == null || (p.deployTimestamp != null && p.deployTimestamp >= deployBegin))
                && (deployEnd == null || (p.deployTimestamp != null && p.deployTimestamp <= deployEnd));
    }

    /** The order of package views: by order_column (nulls first), then by package id; reversed for desc. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<Map<String, Object>> order() {
        Function<Map<String, Object>, Comparable> key = view -> column.equals("package_id")
                ? Long.valueOf((String) view.get("package_id")) : (Comparable) view.get(column);
        Comparator<Map<String, Object>> byColumn = Comparator.comparing(key,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Map<String, Object>> order = byColumn.thenComparing(
                view -> Long.valueOf((String) view.get("package_id")));
        return direction.equals("asc") ? order : order.reversed();
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
