package io.releasepipeline.promotion;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;

/**
 * Who may call the webhook: a caller with the bearer token ({@code Authorization: Bearer <token>}), or one that
 * signs the body with the HMAC key ({@code X-Signature-256: sha256=<hex HMAC-SHA256 of the body>}). Both are
 * compared in constant time; neither secret is ever echoed.
 */
public class WebhookAuth {

    public static final String TOKEN_ENV = "WEBHOOK_TOKEN";
    public static final String HMAC_KEY_ENV = "WEBHOOK_HMAC_KEY";
    public static final String SIGNATURE_HEADER = "X-Signature-256";

    private final byte[] token;
    private final byte[] hmacKey;

    /** With neither secret every call is refused; {@link #requireSecret()} stops a runtime that would serve it. */
    public WebhookAuth(String token, String hmacKey) {
        this.token = blank(token) ? null : token.getBytes(StandardCharsets.UTF_8);
        this.hmacKey = blank(hmacKey) ? null : hmacKey.getBytes(StandardCharsets.UTF_8);
    }

    public void requireSecret() {
        if (token == null && hmacKey == null) {
            throw new IllegalArgumentException("the webhook needs a secret: export " + TOKEN_ENV + " (bearer token) or "
                    + HMAC_KEY_ENV + " (HMAC-SHA256 body signature), or set promotion.triggers=false");
        }
    }

    /** True when the request carries neither the token nor a valid body signature. */
    public boolean rejects(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (token != null && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        String signature = exchange.getMessage().getHeader(SIGNATURE_HEADER, String.class);
        if (hmacKey != null && signature != null && signature.startsWith("sha256=")) {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            byte[] expected = HexFormat.of().formatHex(hmac(body == null ? new byte[0] : body))
                    .getBytes(StandardCharsets.US_ASCII);
            return !MessageDigest.isEqual(expected,
                    signature.substring(7).trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
        return true;
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
