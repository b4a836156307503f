package io.releasepipeline.promotion;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.spi.PropertiesComponent;
import org.quartz.CronExpression;

/**
 * Named promotion definitions from application.properties ({@code promotion.definitions = nightly, hourly} and
 * {@code promotion.<name>.<key>} for each), each with its own schedule: {@code period:<ms>} (camel-timer) or
 * {@code cron:<quartz expression>} (camel-quartz in memory); with a store shared by runtimes (PostgreSQL) both run on
 * the clustered Quartz of {@link ClusteredSchedules}, so a slot fires on one runtime. An invalid definition stops
 * the runtime with one line naming the key.
 */
public class PromotionDefinitions {

    /** A definition: its request (accepted anew at each run) and the endpoint that schedules it. */
    public record Definition(String name, String scheduleUri, PromotionRequest request) {
    }

    /** The shortest period a schedule may have (ms); the clustered schedules' misfire threshold depends on it. */
    static final long SHORTEST_PERIOD_MS = 1000;

    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    public PromotionDefinitions(PropertiesComponent properties) {
        String names = properties.resolveProperty("promotion.definitions").orElse("");
        boolean clustered = PromotionStores.shared(properties);
        for (String name : names.split(",")) {
            name = name.trim();
            if (!name.isEmpty()) {
                if (!name.matches("[A-Za-z0-9_-]+")) {
                    throw new IllegalArgumentException("promotion.definitions: '" + name
                            + "' must be letters, digits, '_' or '-'");
                }
                definitions.put(name, read(properties, name, clustered));
            }
        }
    }

    public List<Definition> all() {
        return List.copyOf(definitions.values());
    }

    /**
     * The idempotency key of one scheduled run: the definition and its time slot, the same on every runtime that
     * fires it: Quartz's scheduled fire time (a cron, or any schedule of a shared store), else the period the
     * firing falls in (camel-timer, one runtime).
     */
    public String slot(String name, java.util.Date scheduledFireTime) {
        String uri = definitions.get(name).scheduleUri();
        if (scheduledFireTime != null) {
            return "schedule:" + name + "@" + scheduledFireTime.getTime();
        }
        long period = Long.parseLong(uri.substring(uri.indexOf("period=") + 7));
        return "schedule:" + name + "@" + System.currentTimeMillis() / period * period;
    }

    /** The request of a definition, as a scheduled run submits it. */
    public PromotionRequest request(String name) {
        return definitions.get(name).request();
    }

    private static Definition read(PropertiesComponent p, String name, boolean clustered) {
        String prefix = "promotion." + name + ".";
        Optional<String> itemName = opt(p, prefix + "item-name");
        Optional<String> submitUser = opt(p, prefix + "submit-user-name");
        Optional<String> taskType = opt(p, prefix + "task-type");
        Optional<String> after = opt(p, prefix + "submitted-after");
        boolean selects = itemName.isPresent() || submitUser.isPresent() || taskType.isPresent() || after.isPresent();
        PromotionRequest.Selector selector = selects ? new PromotionRequest.Selector(itemName.orElse(null),
                integer(prefix + "task-type", taskType), submitUser.orElse(null),
                after.map(v -> longValue(prefix + "submitted-after", v)).orElse(null)) : null;
        List<PromotionRequest.LiveDataApi> apis = opt(p, prefix + "livedata-apis").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).map(pair -> {
                    String[] parts = pair.split("/");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(prefix + "livedata-apis: '" + pair
                                + "' must be instance_id/ld_api_id");
                    }
                    return new PromotionRequest.LiveDataApi(parts[0], parts[1]);
                }).toList()).orElse(null);
        PromotionRequest request = new PromotionRequest(required(p, prefix + "workspace"),
                opt(p, prefix + "pending-item-ids").map(PromotionDefinitions::list).orElse(null), selector,
                opt(p, prefix + "package-name").orElse(name), opt(p, prefix + "apply-user-id").orElse(null),
                opt(p, prefix + "approver-ids").map(PromotionDefinitions::list).orElse(null),
                integer(prefix + "startup-mode", opt(p, prefix + "startup-mode")),
                opt(p, prefix + "release-plan-id").orElse(null), apis, null,
                integer(prefix + "redeploy-failed", opt(p, prefix + "redeploy-failed")));
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(prefix + ": " + problems.get(0)
                    + " (keys are the field names in kebab case, e.g. " + prefix + "apply-user-id)");
        }
        return new Definition(name, scheduleUri(name, required(p, prefix + "schedule"), clustered), request);
    }

    static String scheduleUri(String name, String schedule, boolean clustered) {
        String key = "promotion." + name + ".schedule";
        if (schedule.startsWith("period:")) {
            long period = longValue(key, schedule.substring(7).trim());
            if (period < SHORTEST_PERIOD_MS) {
                throw new IllegalArgumentException(key + ": the period must be at least " + SHORTEST_PERIOD_MS
                        + " ms");
            }
            return clustered ? "quartz:promotions/" + name + "?trigger.repeatInterval=" + period
                    + "&trigger.repeatCount=-1&" + ClusteredSchedules.ENDPOINT_OPTIONS
                    : "timer:promotion-" + name + "?period=" + period;
        }
        if (schedule.startsWith("cron:")) {
            String cron = schedule.substring(5).trim();
            if (!CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException(key + ": '" + cron + "' is not a valid Quartz cron expression "
                        + "(seconds minutes hours day-of-month month day-of-week, e.g. 0 0 2 * * ?)");
            }
            String uri = "quartz:promotions/" + name + "?cron=" + cron.replace(' ', '+');
            return clustered ? uri + "&" + ClusteredSchedules.ENDPOINT_OPTIONS : uri;
        }
        throw new IllegalArgumentException(key + ": use period:<milliseconds> or cron:<quartz expression>");
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static Optional<String> opt(PropertiesComponent p, String key) {
        return p.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String required(PropertiesComponent p, String key) {
        return opt(p, key).orElseThrow(() -> new IllegalArgumentException(key + " is required"));
    }

    private static long longValue(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    private static Integer integer(String key, Optional<String> value) {
        try {
            return value.map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }
}
