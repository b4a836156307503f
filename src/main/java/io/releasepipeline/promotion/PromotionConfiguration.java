package io.releasepipeline.promotion;

import io.releasepipeline.deadletter.DeadLetters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.releasepipeline.observe.CloudReadiness;
import io.releasepipeline.observe.PipelineMetrics;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the promotion pipeline's beans from application.properties, and with {@code promotion.triggers=true} one
 * scheduled route per promotion definition (from the {@code scheduled-promotion} route template).
 */
public class PromotionConfiguration implements CamelConfiguration {

    private final Map<String, String> env;

    public PromotionConfiguration() {
        this(System.getenv());
    }

    public PromotionConfiguration(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent p = context.getPropertiesComponent();
        Clock clock = Clock.systemUTC();
        DeadLetters deadLetters = deadLetters(p);
        Path journal = journal(p);
        PromotionStore store = store(p, journal, env);
        Promotions promotions = new Promotions(store, journal, clock,
                (int) number(p, "promotion.max-request-bytes", 1_048_576));
        context.getRegistry().bind("promotionStore", store);
        context.getRegistry().bind("promotions", promotions);
        context.getRegistry().bind("deadLetters", deadLetters);
        context.getRegistry().bind("promotionSteps", new PromotionSteps(store, text(p, "cloud.project-id", "")));
        context.getRegistry().bind("packageListing", new PackageListing());
        context.getRegistry().bind("poller", new Poller(
                Duration.ofMillis(number(p, "poll.initial-delay-ms", 1000)), decimal(p, "poll.multiplier", 1.5),
                decimal(p, "poll.jitter", 0.2), Duration.ofMillis(number(p, "poll.max-interval-ms", 10_000)),
                Duration.ofMillis(number(p, "poll.timeout-ms", 600_000))));
        context.getRegistry().bind("retryPolicy", new RetryPolicy((int) number(p, "retry.max-attempts", 5),
                number(p, "retry.initial-delay-ms", 500), decimal(p, "retry.multiplier", 2),
                number(p, "retry.max-delay-ms", 10_000)));
        PromotionDefinitions definitions = new PromotionDefinitions(p);
        context.getRegistry().bind("promotionDefinitions", definitions);
        Duration readinessCache = Duration.ofSeconds(number(p, "health.cloud-check-cache-seconds", 30));
        String workspace = text(p, "cloud.workspace", "");
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                // the meter registry and the health-check registry exist once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                MeterRegistry meters = ctx.getRegistry().findSingleByType(MeterRegistry.class);
                if (meters != null) {
                    PipelineMetrics.use(meters);
                    PipelineMetrics.gauge("release_pipeline_promotions_in_flight", promotions::inFlight);
                    PipelineMetrics.gauge("release_pipeline_dead_letters", () -> deadLetters.list().size());
                }
                HealthCheckRegistry health = HealthCheckRegistry.get(ctx);
                if (health != null) {
                    health.register(new CloudReadiness(ctx.createProducerTemplate(), workspace, readinessCache));
                }
            }
        });
        boolean triggers = Boolean.parseBoolean(text(p, "promotion.triggers", "true"));
        WebhookAuth webhookAuth = new WebhookAuth(env.get(WebhookAuth.TOKEN_ENV), env.get(WebhookAuth.HMAC_KEY_ENV));
        if (triggers && Boolean.parseBoolean(text(p, "camel.server.enabled", "false"))) {
            webhookAuth.requireSecret();
        }
        context.getRegistry().bind("webhookAuth", webhookAuth);
        if (triggers) {
            context.addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                    // the routes (and the route template) exist only once the context has fully started
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) throws Exception {
                    resume(ctx, promotions);
                    for (PromotionDefinitions.Definition d : definitions.all()) {
                        TemplatedRouteBuilder.builder(ctx, "scheduled-promotion").routeId("schedule-" + d.name())
                                .parameter("definition", d.name()).parameter("schedule", d.scheduleUri()).add();
                    }
                }
            });
        }
    }

    /** The store application.properties selects (also used by the status command, without a running context). */
    public static PromotionStore store(PropertiesComponent p, Path journal, Map<String, String> env) {
        String kind = text(p, "promotion.store", "file");
        return switch (kind) {
            case "file" -> new FileStore(Path.of(text(p, "promotion.store-dir", "data/store")), journal);
            case "postgresql" -> new JdbcStore(p.resolveProperty("promotion.store-url").filter(v -> !v.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("promotion.store=postgresql needs "
                            + "promotion.store-url (jdbc:postgresql://host:5432/database)")),
                    text(p, "promotion.store-user", ""), env.get("PROMOTION_STORE_PASSWORD"));
            default -> throw new IllegalArgumentException("promotion.store=" + kind
                    + " is not known; use file or postgresql");
        };
    }

    public static Path journal(PropertiesComponent p) {
        return Path.of(text(p, "promotion.journal", "data/journal.jsonl"));
    }

    public static DeadLetters deadLetters(PropertiesComponent p) {
        return new DeadLetters(Path.of(text(p, "promotion.dead-letters", "data/dead-letters")), Clock.systemUTC());
    }

    /** Promotions a previous run left in flight go through the chain again, from discovery. */
    private static void resume(CamelContext context, Promotions promotions) {
        var producer = context.createProducerTemplate();
        promotions.resumable().forEach(p -> producer.sendBody("seda:promotions?waitForTaskToComplete=Never", p));
    }

    private static String text(PropertiesComponent p, String key, String defaultValue) {
        return p.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    private static long number(PropertiesComponent p, String key, long defaultValue) {
        String value = text(p, key, String.valueOf(defaultValue));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number");
        }
    }

    private static double decimal(PropertiesComponent p, String key, double defaultValue) {
        String value = text(p, key, String.valueOf(defaultValue));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a number");
        }
    }
}
