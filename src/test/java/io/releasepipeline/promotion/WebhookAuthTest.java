package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Exchange request(String body, String header, String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        if (header != null) {
            exchange.getMessage().setHeader(header, value);
        }
        return exchange;
    }

    /** A request as platform-http hands it over, signed (or not) as a caller would. */
    private static Exchange signed(String method, String uri, String body, long timestamp, String signature) {
        Exchange exchange = request(body, WebhookAuth.TIMESTAMP_HEADER, String.valueOf(timestamp));
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, uri);
        exchange.getMessage().setHeader(WebhookAuth.SIGNATURE_HEADER, signature);
        return exchange;
    }

    private static String sign(String key, long timestamp, String method, String uri, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + method + "." + uri + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static WebhookAuth auth(String token, String hmacKey, Instant now) throws Exception {
        return new WebhookAuth(token, hmacKey, Clock.fixed(now, ZoneOffset.UTC),
                new FileStore(Files.createTempDirectory("replays"), Files.createTempFile("journal", ".jsonl")));
    }

    @Test
    void signatureCoversTimestampMethodPathAndBodyAndAnAlteredOneIsRefused() throws Exception {
        WebhookAuth auth = auth(null, "hmac-key", NOW);
        long ts = NOW.getEpochSecond();
        String body = "{\"workspace\":\"ws\"}";
        String uri = "/api/promotions";
        assertFalse(auth.rejects(signed("POST", uri, body, ts, sign("hmac-key", ts, "POST", uri, body))));
        assertTrue(auth.rejects(signed("POST", uri, body.replace("ws", "xx"), ts,
                sign("hmac-key", ts, "POST", uri, body))), "another body");
        assertTrue(auth.rejects(signed("POST", uri, body, ts, sign("other-key", ts, "POST", uri, body))), "other key");
        assertTrue(auth.rejects(signed("POST", uri, body, ts + 1, sign("hmac-key", ts, "POST", uri, body))),
                "another timestamp than the one signed");
        // the HMAC of an empty body no longer opens every GET: the method and the path are signed
        String get = sign("hmac-key", ts, "GET", "/api/promotions", "");
        assertTrue(auth.rejects(signed("GET", "/api/promotions/p-0123456789ab", "", ts, get)), "another path");
        assertTrue(auth.rejects(signed("POST", "/api/promotions", "", ts, get)), "another method");
        assertTrue(auth.rejects(signed("GET", "/api/promotions?limit=1", "", ts, get)), "another query");
        assertTrue(auth.rejects(request(body, "Authorization", "Bearer hmac-key")), "the HMAC key is no token");
        assertTrue(auth.rejects(request(body, WebhookAuth.SIGNATURE_HEADER, sign("hmac-key", ts, "POST", uri, body))),
                "no timestamp");
    }

    @Test
    void aSignedRequestSentAgainIsRefusedAndAStaleOrFutureTimestampToo() throws Exception {
        WebhookAuth auth = auth(null, "hmac-key", NOW);
        String body = "{}";
        long ts = NOW.getEpochSecond() - 25;
        String signature = sign("hmac-key", ts, "POST", "/api/promotions", body);
        assertFalse(auth.rejects(signed("POST", "/api/promotions", body, ts, signature)));
        assertTrue(auth.rejects(signed("POST", "/api/promotions", body, ts, signature)), "the same request replayed");
        long stale = NOW.getEpochSecond() - 301;
        assertTrue(auth.rejects(signed("POST", "/api/promotions", body, stale,
                sign("hmac-key", stale, "POST", "/api/promotions", body))), "older than 300 s");
        long future = NOW.getEpochSecond() + 301;
        assertTrue(auth.rejects(signed("POST", "/api/promotions", body, future,
                sign("hmac-key", future, "POST", "/api/promotions", body))), "more than 300 s ahead");
    }

    @Test
    void bearerTokenMustMatchExactly() throws Exception {
        WebhookAuth auth = auth("s3cret", null, NOW);
        assertFalse(auth.rejects(request("{}", "Authorization", "Bearer s3cret")));
        assertTrue(auth.rejects(request("{}", "Authorization", "Bearer s3cre")));
        assertTrue(auth.rejects(request("{}", "Authorization", "Bearer s3cret-and-more")));
        assertTrue(auth.rejects(request("{}", null, null)));
    }

    @Test
    void webhookWithoutAnySecretRefusesToStartNamingTheVariables() throws Exception {
        WebhookAuth none = auth(" ", null, NOW);
        assertTrue(none.rejects(request("{}", "Authorization", "Bearer ")), "no secret: every call refused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, none::requireSecret);
        assertTrue(e.getMessage().contains(WebhookAuth.TOKEN_ENV) && e.getMessage().contains(WebhookAuth.HMAC_KEY_ENV));
    }
}
