package io.releasepipeline.promotion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;

/**
 * Who may call the webhook: a caller with the bearer token ({@code Authorization: Bearer <token>}), or one that signs
 * the request the way GitHub, Stripe and Slack sign theirs: {@code X-Signature-Timestamp: <unix seconds>} and
 * {@code X-Signature-256: sha256=<hex>}, the HMAC-SHA256 (key {@code WEBHOOK_HMAC_KEY}) of
 * {@code <timestamp>.<METHOD>.<path with its query>.<body>}. A timestamp more than {@link #TOLERANCE} from this
 * runtime's clock is refused, and so is a signature seen before within that window (the store keeps them, shared by
 * the runtimes of one database), so a captured request cannot be sent again. Secrets are compared in constant time and
 * never echoed.
 */
public class WebhookAuth {

    public static final String TOKEN_ENV = "WEBHOOK_TOKEN";
    public static final String HMAC_KEY_ENV = "WEBHOOK_HMAC_KEY";
    public static final String SIGNATURE_HEADER = "X-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    /** How far a signature's timestamp may be from this runtime's clock. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final byte[] token;
    private final byte[] hmacKey;
    private final Clock clock;
    private final PromotionStore replays;

    /** With neither secret every call is refused; {@link #requireSecret()} stops a runtime that would serve it. */
    public WebhookAuth(String token, String hmacKey, Clock clock, PromotionStore replays) {
        this.token = blank(token) ? null : token.getBytes(StandardCharsets.UTF_8);
        this.hmacKey = blank(hmacKey) ? null : hmacKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.replays = replays;
    }

    public void requireSecret() {
        if (token == null && hmacKey == null) {
            throw new IllegalArgumentException("the webhook needs a secret: export " + TOKEN_ENV + " (bearer token) or "
                    + HMAC_KEY_ENV + " (HMAC-SHA256 request signature), or set promotion.triggers=false");
        }
    }

    /** True when the request carries neither the token nor a valid, fresh, first-seen signature. */
    public boolean rejects(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (token != null && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        String signature = exchange.getMessage().getHeader(SIGNATURE_HEADER, String.class);
        String timestamp = exchange.getMessage().getHeader(TIMESTAMP_HEADER, String.class);
        if (hmacKey == null || signature == null || !signature.startsWith("sha256=") || timestamp == null
                || !timestamp.trim().matches("[0-9]{1,12}")) {
            return true;
        }
        long signedAt = Long.parseLong(timestamp.trim());
        if (Math.abs(clock.instant().getEpochSecond() - signedAt) > TOLERANCE.toSeconds()) {
            return true;
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String hex = HexFormat.of().formatHex(hmac(signedText(timestamp.trim(),
                exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class),
                exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class), body)));
        if (!MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                signature.substring(7).trim().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        // valid: let in once; the same signature again within the window is a replay
        return !replays.firstUse("webhook-signature:" + hex, TOLERANCE.multipliedBy(2));
    }

    /** {@code <timestamp>.<METHOD>.<path with its query>.<body>}, the text a caller signs. */
    static byte[] signedText(String timestamp, String method, String pathAndQuery, byte[] body) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes((timestamp + "." + method + "." + pathAndQuery + ".").getBytes(StandardCharsets.UTF_8));
        text.writeBytes(body == null ? new byte[0] : body);
        return text.toByteArray();
    }

    private byte[] hmac(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(text);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
