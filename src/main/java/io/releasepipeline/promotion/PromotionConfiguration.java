package io.releasepipeline.promotion;

import io.releasepipeline.cloud.RuntimeEnvironment;
import io.releasepipeline.observe.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The promotion pipeline's beans, from application.properties (named in camel.main.configurationClasses), and with
 * {@code promotion.triggers=true} one scheduled route per promotion definition (from the {@code scheduled-promotion}
 * route template; on the clustered Quartz of {@link ClusteredSchedules} with the PostgreSQL store) and the
 * resumption of what a previous process left in flight.
 */
public class PromotionConfiguration implements CamelConfiguration {

    private final Clock clock = Clock.systemUTC();
    private PromotionStore store;
    private StoreOutage outage;
    private Promotions promotions;
    private Outcomes outcomes;

    @PropertyInject(value = "promotion.max-request-bytes", defaultValue = "1048576")
    private int maxRequestBytes;
    @PropertyInject(value = "promotion.idempotency-retention", defaultValue = "P7D")
    private String idempotencyRetention;
    @PropertyInject(value = "cloud.project-id", defaultValue = "")
    private String projectId;
    @PropertyInject(value = "poll.initial-delay-ms", defaultValue = "1000")
    private long pollInitialDelay;
    @PropertyInject(value = "poll.multiplier", defaultValue = "1.5")
    private double pollMultiplier;
    @PropertyInject(value = "poll.jitter", defaultValue = "0.2")
    private double pollJitter;
    @PropertyInject(value = "poll.max-interval-ms", defaultValue = "10000")
    private long pollMaxInterval;
    @PropertyInject(value = "poll.timeout-ms", defaultValue = "600000")
    private long pollTimeout;
    @PropertyInject(value = "retry.max-attempts", defaultValue = "5")
    private int retryMaxAttempts;
    @PropertyInject(value = "retry.initial-delay-ms", defaultValue = "500")
    private long retryInitialDelay;
    @PropertyInject(value = "retry.multiplier", defaultValue = "2")
    private double retryMultiplier;
    @PropertyInject(value = "retry.max-delay-ms", defaultValue = "10000")
    private long retryMaxDelay;
    @PropertyInject(value = "retry.throttled-budget-ms", defaultValue = "300000")
    private long throttledBudget;
    @PropertyInject(value = "deploy.ambiguous-grace-ms", defaultValue = "")
    private String ambiguousGrace;
    @PropertyInject(value = "camel.component.http.responseTimeout", defaultValue = "30000")
    private long readTimeout;
    @PropertyInject(value = "camel.component.https.responseTimeout", defaultValue = "30000")
    private long readTimeoutTls;
    @PropertyInject(value = "promotion.triggers", defaultValue = "true")
    private boolean triggers;
    @PropertyInject(value = "camel.server.enabled", defaultValue = "false")
    private boolean serverEnabled;
    @PropertyInject(value = "promotion.lease-renew-ms", defaultValue = "10000")
    private long leaseRenew;
    @PropertyInject(value = "promotion.recent-in-memory", defaultValue = "1000")
    private int recentInMemory;
    @PropertyInject(value = "webhook.body-timeout-ms", defaultValue = "10000")
    private long bodyTimeout;
    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    private int serverPort;


    @BindToRegistry("promotionStore")
    public PromotionStore promotionStore(CamelContext context) {
        if (store == null) {
            PropertiesComponent p = context.getPropertiesComponent();
            store = new PausingStore(PromotionStores.open(p, PromotionStores.journal(p), env(context)),
                    storeOutage(context), PromotionStores.shared(p));
        }
        return store;
    }

    /**
     * The store as a dependency that can be down (paused writes, readiness, 503 for new requests): one per runtime,
     * bound by the dead-letter configuration, which camel.main.configurationClasses lists before this one.
     */
    private StoreOutage storeOutage(CamelContext context) {
        if (outage == null) {
            outage = context.getRegistry().lookupByNameAndType("storeOutage", StoreOutage.class);
            if (outage == null) {
                throw new IllegalStateException("no storeOutage bean: list io.releasepipeline.deadletter."
                        + "DeadLetterConfiguration before PromotionConfiguration in camel.main.configurationClasses");
            }
        }
        return outage;
    }

    @BindToRegistry("storeReadiness")
    public StoreReadiness storeReadiness(CamelContext context) {
        return new StoreReadiness(storeOutage(context));
    }

    @BindToRegistry("promotions")
    public Promotions promotions(CamelContext context) {
        if (promotions == null) {
            promotions = new Promotions(promotionStore(context), recentInMemory);
        }
        return promotions;
    }

    @BindToRegistry("outcomes")
    public Outcomes outcomes(CamelContext context) {
        if (outcomes == null) {
            outcomes = new Outcomes(promotionStore(context), metrics(context),
                    PromotionStores.journal(context.getPropertiesComponent()), clock, promotions(context));
        }
        return outcomes;
    }

    @BindToRegistry("acceptance")
    public Acceptance acceptance(CamelContext context) {
        Duration retention;
        try {
            retention = Duration.parse(idempotencyRetention.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("promotion.idempotency-retention=" + idempotencyRetention
                    + " is not a duration; use ISO-8601, e.g. P7D (7 days) or PT12H");
        }
        return new Acceptance(promotions(context), promotionStore(context), outcomes(context), clock, maxRequestBytes,
                retention);
    }

    @BindToRegistry("checkpoints")
    public Checkpoints checkpoints(CamelContext context) {
        return new Checkpoints(promotionStore(context), metrics(context), clock);
    }

    @BindToRegistry("promotionViews")
    public PromotionViews promotionViews(CamelContext context) {
        return new PromotionViews(promotions(context));
    }

    @BindToRegistry("release")
    public Release release(CamelContext context) {
        // by default longer than the read timeout by a margin: a call the client gave up on may still be acted on
        long grace = Math.max(readTimeout, readTimeoutTls) + 10_000;
        if (!ambiguousGrace.isBlank()) {
            try {
                grace = Long.parseLong(ambiguousGrace.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("deploy.ambiguous-grace-ms=" + ambiguousGrace
                        + " is not a whole number of milliseconds");
            }
        }
        return new Release(promotionStore(context), projectId, Duration.ofMillis(grace), clock);
    }

    @BindToRegistry("discovery")
    public Discovery discovery() {
        return new Discovery();
    }

    @BindToRegistry("watch")
    public Watch watch() {
        return new Watch();
    }

    @BindToRegistry("pager")
    public Pager pager() {
        return new Pager();
    }

    @BindToRegistry("packageCounts")
    public PackageCounts packageCounts() {
        return new PackageCounts();
    }

    @BindToRegistry("poller")
    public Poller poller() {
        return new Poller(Duration.ofMillis(pollInitialDelay), pollMultiplier, pollJitter,
                Duration.ofMillis(pollMaxInterval), Duration.ofMillis(pollTimeout));
    }

    @BindToRegistry("retryPolicy")
    public RetryPolicy retryPolicy(CamelContext context) {
        return new RetryPolicy(retryMaxAttempts, retryInitialDelay, retryMultiplier, retryMaxDelay, throttledBudget,
                metrics(context));
    }

    @BindToRegistry("promotionDefinitions")
    public PromotionDefinitions promotionDefinitions(CamelContext context) {
        return new PromotionDefinitions(context.getPropertiesComponent());
    }

    @BindToRegistry("webhookAuth")
    public WebhookAuth webhookAuth(CamelContext context) {
        Map<String, String> env = env(context);
        WebhookAuth auth = new WebhookAuth(env.get(WebhookAuth.TOKEN_ENV), env.get(WebhookAuth.HMAC_KEY_ENV),
                java.time.Clock.systemUTC(), promotionStore(context));
        if (triggers && serverEnabled) {
            auth.requireSecret();
        }
        return auth;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Promotions registry = promotions(context);
        PromotionDefinitions definitions = context.getRegistry().lookupByNameAndType("promotionDefinitions",
                PromotionDefinitions.class);
        PipelineMetrics.gaugeOnceStarted(context, "release_pipeline_promotions_in_flight", registry::inFlight);
        PromotionStore store = promotionStore(context);
        if (triggers && PromotionStores.shared(context.getPropertiesComponent()) && !definitions.all().isEmpty()) {
            // a runtime checks in with the Quartz cluster as often as it renews its promotions' leases
            ClusteredSchedules.configure(context, PromotionStores.database(context.getPropertiesComponent(),
                    env(context)), leaseRenew);
        }
        // a write paused by a store outage gives up as soon as the runtime begins to stop, not after the shutdown
        // timeout: its promotion stays in flight in the store, for the next start
        StoreOutage outage = storeOutage(context);
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                outage.stopping();
            }
        });
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                // stopped (SIGTERM, after camel.main.shutdownTimeout): what is left is free for the next runtime
                storeOutage(context).stopping();
                try {
                    store.releaseLeases();
                } catch (StoreUnavailable down) {
                    // the leases expire by themselves: another runtime (or this one's restart) takes over then
                }
            }
        });
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                // the routes, the route template and the meter registry exist once the context has fully started
                if (triggers && serverEnabled) {
                    WebhookBodyTimeout.install(ctx, serverPort, bodyTimeout);
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) throws Exception {
                if (!triggers) {
                    return;
                }
                for (PromotionDefinitions.Definition d : definitions.all()) {
                    TemplatedRouteBuilder.builder(ctx, "scheduled-promotion").routeId("schedule-" + d.name())
                            .parameter("definition", d.name()).parameter("schedule", d.scheduleUri()).add();
                }
            }
        });
    }

    /** The secrets' environment (the process's, or what a test binds). */
    private static Map<String, String> env(CamelContext context) {
        return RuntimeEnvironment.of(context);
    }

    private static PipelineMetrics metrics(CamelContext context) {
        return context.getRegistry().findSingleByType(PipelineMetrics.class);
    }
}
