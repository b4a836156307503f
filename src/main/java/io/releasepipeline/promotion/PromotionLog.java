package io.releasepipeline.promotion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/** One INFO line about a promotion, carrying its correlation id in the MDC ({@code correlation_id}). */
final class PromotionLog {

    // one logger for every line about a promotion's life, so operators filter one category (as before the split)
    private static final Logger LOG = LoggerFactory.getLogger(Promotions.class);

    private PromotionLog() {
    }

    static void info(Promotion p, String format, Object... args) {
        log(p, LOG.atInfo(), format, args);
    }

    static void warn(Promotion p, String format, Object... args) {
        log(p, LOG.atWarn(), format, args);
    }

    private static void log(Promotion p, LoggingEventBuilder line, String format, Object... args) {
        String correlation = p.getRequest() == null ? null : p.getRequest().correlationId();
        if (correlation != null) {
            MDC.put("correlation_id", correlation);
        }
        try {
            line.log(format, args);
        } finally {
            MDC.remove("correlation_id");
        }
    }
}
