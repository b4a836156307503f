package io.releasepipeline.promotion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * With {@code promotion.store=postgresql}, the schedules of every runtime run on one Quartz cluster: camel-quartz
 * with Quartz's clustered JDBC job store (JobStoreTX) in the store's database and schema. Each runtime schedules the
 * same triggers; each firing is taken by one runtime under Quartz's row lock, so a slot fires once however many
 * runtimes run, and fires on another runtime when one stops or dies. The file store keeps one runtime's in-memory
 * schedules (camel-timer, RAM quartz): nothing here runs for it.
 */
final class ClusteredSchedules {

    /**
     * The scheduler's name in the qrtz_* rows: the same on every runtime, or each would be a cluster of its own.
     * camel-quartz would suffix it with the CamelContext's name by default (prefixInstanceName), turned off below.
     */
    static final String INSTANCE_NAME = "release-pipeline";

    /**
     * The options of a clustered schedule's quartz endpoint. stateful: one firing of a definition at a time, cluster
     * wide (DisallowConcurrentExecution). recoverableJob: a firing whose runtime died before it finished is run
     * again by another runtime with the same scheduled fire time, hence the same slot key (a repeat if it was
     * accepted). deleteJob and pauseJob false: a runtime that stops leaves the trigger to the others.
     * usingFixedCamelContextName: a job finds its CamelContext by the name stored with the job by the runtime that
     * created it, so every runtime must have that name (camel.main.name), never a JMX-made variant of it.
     */
    static final String ENDPOINT_OPTIONS = "stateful=true&recoverableJob=true&deleteJob=false&pauseJob=false"
            + "&usingFixedCamelContextName=true";

    /**
     * Quartz's misfire threshold (ms): a firing later than this is a misfire, and the trigger then fires once now
     * (camel-quartz's misfire instructions: fire now, or once now for a cron) instead of once per missed slot. A
     * firing less late runs on time and its next slot is still ahead only while the threshold is no longer than the
     * period: so at most the shortest period, or a schedule back after downtime would fire the slots it missed one
     * after the other.
     */
    static final long MISFIRE_THRESHOLD_MS = PromotionDefinitions.SHORTEST_PERIOD_MS;

    /** How often an idle runtime looks for due triggers (ms): how soon a trigger a stopping runtime released fires. */
    static final long IDLE_WAIT_MS = 5000;

    private ClusteredSchedules() {
    }

    /**
     * Creates the qrtz_* tables when missing and points the quartz component at the store's database.
     *
     * @param checkinMillis how often this runtime checks in with the cluster; a runtime silent for this plus 7.5 s
     *                      is dead to the others, which then recover what it held
     */
    static void configure(CamelContext context, PostgresDatabase db, long checkinMillis) {
        db.schema(QuartzTables.statements());
        // Quartz reaches the database through this provider: the store's data source, so the URL, user and password
        // (PROMOTION_STORE_PASSWORD) are never written into Quartz's properties
        String dataSource = "promotion-store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new StoreConnections(db));
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        quartz.setPrefixInstanceName(false);
        quartz.setProperties(Map.ofEntries(
                Map.entry("org.quartz.scheduler.instanceName", INSTANCE_NAME),
                Map.entry("org.quartz.scheduler.instanceId", "AUTO"),
                Map.entry("org.quartz.scheduler.idleWaitTime", String.valueOf(IDLE_WAIT_MS)),
                Map.entry("org.quartz.threadPool.threadCount", "2"),
                Map.entry("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX"),
                Map.entry("org.quartz.jobStore.driverDelegateClass",
                        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"),
                Map.entry("org.quartz.jobStore.dataSource", dataSource),
                Map.entry("org.quartz.jobStore.tablePrefix", "QRTZ_"),
                Map.entry("org.quartz.jobStore.isClustered", "true"),
                Map.entry("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinMillis)),
                Map.entry("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MS))));
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                standby(quartz);
            }
        });
    }

    /**
     * Stops taking triggers before the routes stop, and hands back those taken for a later fire time, so another
     * runtime fires them on time: held, they would wait for this runtime's shutdown (and fire late, as a misfire),
     * or fire here after the route stopped, finding no consumer (a lost slot).
     */
    private static void standby(QuartzComponent quartz) {
        Scheduler scheduler = quartz.getScheduler();
        try {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot put the Quartz scheduler in standby", e);
        }
    }

    /** The store's connections, as Quartz asks for them (it sets auto-commit off and commits itself). */
    private record StoreConnections(PostgresDatabase db) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return db.connection();
        }

        @Override
        public void shutdown() {
            // nothing pooled: each connection is closed by Quartz after its transaction
        }

        @Override
        public void initialize() {
            // the data source is ready when the store is
        }
    }
}
