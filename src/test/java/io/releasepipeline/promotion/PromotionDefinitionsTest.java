package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

class PromotionDefinitionsTest {

    private static PropertiesComponent properties(Map<String, String> values) {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(values);
        context.getPropertiesComponent().setInitialProperties(p);
        return context.getPropertiesComponent();
    }

    private static Map<String, String> nightly(String schedule) {
        return Map.of("promotion.definitions", "nightly", "promotion.nightly.schedule", schedule,
                "promotion.nightly.workspace", "ws1", "promotion.nightly.item-name", "orders",
                "promotion.nightly.apply-user-id", "u1", "promotion.nightly.approver-ids", "a1, a2",
                "promotion.nightly.livedata-apis", "i1/api1");
    }

    @Test
    void definitionBecomesAScheduledRequest() {
        PromotionDefinitions definitions = new PromotionDefinitions(properties(nightly("cron:0 0 2 * * ?")));
        PromotionDefinitions.Definition d = definitions.all().get(0);
        assertEquals("quartz:promotions/nightly?cron=0+0+2+*+*+?", d.scheduleUri());
        assertEquals("orders", d.request().selector().itemName());
        assertEquals(2, d.request().approverIds().size());
        assertEquals("api1", d.request().livedataApis().get(0).ldApiId());
        assertEquals("timer:promotion-nightly?period=60000",
                new PromotionDefinitions(properties(nightly("period:60000"))).all().get(0).scheduleUri());
    }

    @Test
    void withTheSharedStoreEveryScheduleRunsOnClusteredQuartzAndKeepsItsTriggerWhenARuntimeStops() {
        Map<String, String> shared = new java.util.HashMap<>(nightly("period:60000"));
        shared.put("promotion.store", "postgresql");
        String options = "&stateful=true&recoverableJob=true&deleteJob=false&pauseJob=false"
                + "&usingFixedCamelContextName=true";
        assertEquals("quartz:promotions/nightly?trigger.repeatInterval=60000&trigger.repeatCount=-1" + options,
                new PromotionDefinitions(properties(shared)).all().get(0).scheduleUri());
        shared.put("promotion.nightly.schedule", "cron:0 0 2 * * ?");
        assertEquals("quartz:promotions/nightly?cron=0+0+2+*+*+?" + options,
                new PromotionDefinitions(properties(shared)).all().get(0).scheduleUri());
        PromotionDefinitions definitions = new PromotionDefinitions(properties(shared));
        assertEquals("schedule:nightly@1767232800000", definitions.slot("nightly", new java.util.Date(1767232800000L)),
                "the slot is Quartz's scheduled fire time, whichever runtime fired it");
    }

    @Test
    void invalidDefinitionStopsTheStartWithOneLineNamingTheKey() {
        IllegalArgumentException cron = assertThrows(IllegalArgumentException.class,
                () -> new PromotionDefinitions(properties(nightly("cron:every night"))));
        assertTrue(cron.getMessage().startsWith("promotion.nightly.schedule:"), cron.getMessage());
        assertEquals(1, cron.getMessage().lines().count());
        IllegalArgumentException schedule = assertThrows(IllegalArgumentException.class,
                () -> new PromotionDefinitions(properties(nightly("hourly"))));
        assertTrue(schedule.getMessage().contains("period:<milliseconds> or cron:"), schedule.getMessage());
        Map<String, String> noApprover = new java.util.HashMap<>(nightly("period:60000"));
        noApprover.remove("promotion.nightly.approver-ids");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new PromotionDefinitions(properties(noApprover)));
        assertTrue(missing.getMessage().contains("approver_ids"), missing.getMessage());
    }
}
