package io.releasepipeline.promotion;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Opens the store application.properties selects ({@code promotion.store}: file or postgresql); also used by the
 * status command, which reads the store without starting a runtime.
 */
public final class PromotionStores {

    private PromotionStores() {
    }

    public static PromotionStore open(PropertiesComponent p, Path journal, Map<String, String> env) {
        String kind = text(p, "promotion.store", "file");
        long lease = millis(p, "promotion.lease-ms", 30_000);
        if (millis(p, "promotion.lease-renew-ms", 10_000) >= lease) {
            throw new IllegalArgumentException("promotion.lease-renew-ms must be shorter than promotion.lease-ms, "
                    + "or leases expire between renewals");
        }
        return switch (kind) {
            case "file" -> new FileStore(Path.of(text(p, "promotion.store-dir", "data/store")), journal);
            case "postgresql" -> new JdbcStore(database(p, env), java.time.Duration.ofMillis(lease));
            default -> throw new IllegalArgumentException("promotion.store=" + kind
                    + " is not known; use file or postgresql");
        };
    }

    /** Whether the promotions (and their dead letters) are in PostgreSQL, shared by runtimes. */
    public static boolean shared(PropertiesComponent p) {
        return "postgresql".equals(text(p, "promotion.store", "file"));
    }

    /** The PostgreSQL database of {@code promotion.store=postgresql} (password in PROMOTION_STORE_PASSWORD). */
    public static PostgresDatabase database(PropertiesComponent p, Map<String, String> env) {
        String url = text(p, "promotion.store-url", "");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("promotion.store=postgresql needs promotion.store-url "
                    + "(jdbc:postgresql://host:5432/database)");
        }
        return new PostgresDatabase(url, text(p, "promotion.store-user", ""), env.get("PROMOTION_STORE_PASSWORD"));
    }

    public static Path journal(PropertiesComponent p) {
        return Path.of(text(p, "promotion.journal", "data/journal.jsonl"));
    }

    private static long millis(PropertiesComponent p, String key, long defaultValue) {
        String value = text(p, key, String.valueOf(defaultValue));
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(key + "=" + value + " must be a positive whole number of milliseconds");
    }

    private static String text(PropertiesComponent p, String key, String defaultValue) {
        return p.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }
}
