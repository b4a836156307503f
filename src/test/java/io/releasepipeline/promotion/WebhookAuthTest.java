package io.releasepipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {

    private static Exchange request(String body, String header, String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        if (header != null) {
            exchange.getMessage().setHeader(header, value);
        }
        return exchange;
    }

    private static String sign(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bodySignedWithTheHmacKeyIsLetInAndAnAlteredBodyIsNot() throws Exception {
        WebhookAuth auth = new WebhookAuth(null, "hmac-key");
        String body = "{\"workspace\":\"ws\"}";
        assertFalse(auth.rejects(request(body, WebhookAuth.SIGNATURE_HEADER, sign("hmac-key", body))));
        assertTrue(auth.rejects(request(body.replace("ws", "xx"), WebhookAuth.SIGNATURE_HEADER,
                sign("hmac-key", body))));
        assertTrue(auth.rejects(request(body, WebhookAuth.SIGNATURE_HEADER, sign("other-key", body))));
        assertTrue(auth.rejects(request(body, "Authorization", "Bearer hmac-key")), "the HMAC key is no token");
    }

    @Test
    void bearerTokenMustMatchExactly() {
        WebhookAuth auth = new WebhookAuth("s3cret", null);
        assertFalse(auth.rejects(request("{}", "Authorization", "Bearer s3cret")));
        assertTrue(auth.rejects(request("{}", "Authorization", "Bearer s3cre")));
        assertTrue(auth.rejects(request("{}", "Authorization", "Bearer s3cret-and-more")));
        assertTrue(auth.rejects(request("{}", null, null)));
    }

    @Test
    void webhookWithoutAnySecretRefusesToStartNamingTheVariables() {
        WebhookAuth none = new WebhookAuth(" ", null);
        assertTrue(none.rejects(request("{}", "Authorization", "Bearer ")), "no secret: every call refused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, none::requireSecret);
        assertTrue(e.getMessage().contains(WebhookAuth.TOKEN_ENV) && e.getMessage().contains(WebhookAuth.HMAC_KEY_ENV));
    }
}
