package io.releasepipeline.cloud;

import io.releasepipeline.cloud.iam.KeystoneCreateUserTokenByPasswordRequest;
import io.releasepipeline.cloud.iam.KeystoneCreateUserTokenByPasswordResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One project-scoped IAM token, fetched through the {@code KeystoneCreateUserTokenByPassword} route, renewed a margin
 * before {@code expires_at}, and renewed at once when the provider rejects it.
 */
public class TokenCache {

    private final ProducerTemplate producer;
    private final KeystoneCreateUserTokenByPasswordRequest identity;
    private final Duration renewBefore;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;
    private int issued;

    public TokenCache(ProducerTemplate producer, KeystoneCreateUserTokenByPasswordRequest identity,
                      Duration renewBefore, Clock clock) {
        this.producer = producer;
        this.identity = identity;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(expiresAt.minus(renewBefore))) {
            renew();
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }

    /** How many tokens this cache obtained from IAM. */
    public synchronized int issued() {
        return issued;
    }

    private void renew() {
        Exchange answer = producer.request("direct:KeystoneCreateUserTokenByPassword",
                exchange -> exchange.getMessage().setBody(identity));
        Exception failure = answer.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure != null) {
            throw new IllegalStateException("IAM token request failed", failure);
        }
        String subjectToken = answer.getMessage().getHeader("X-Subject-Token", String.class);
        KeystoneCreateUserTokenByPasswordResponse body =
                answer.getMessage().getBody(KeystoneCreateUserTokenByPasswordResponse.class);
        if (subjectToken == null || body == null || body.token() == null || body.token().expiresAt() == null) {
            throw new CloudApiException("IAM", "KeystoneCreateUserTokenByPassword", 201, null,
                    "answer without X-Subject-Token or token.expires_at", null, null, ErrorCategory.UNKNOWN,
                    false, null);
        }
        token = subjectToken;
        expiresAt = OffsetDateTime.parse(body.token().expiresAt()).toInstant();
        issued++;
    }
}
