package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releasepipeline.store.Postgres;
import org.junit.jupiter.api.Test;

/** The qrtz_* tables come from the quartz jar's own PostgreSQL script, and creating them again changes nothing. */
class QuartzTablesTest {

    @Test
    void theSchemaStepCreatesQuartzsTablesOnceAndRunsAgainWithoutError() {
        PostgresDatabase db = new PostgresDatabase(Postgres.freshSchemaUrl(), null, null);
        db.schema(QuartzTables.statements());
        db.schema(QuartzTables.statements());
        assertEquals(java.util.List.of("qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
                "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_paused_trigger_grps",
                "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers"),
                db.strings("select table_name from information_schema.tables where table_schema = current_schema() "
                        + "order by table_name"));
    }
}
