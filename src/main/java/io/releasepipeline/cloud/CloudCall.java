package io.releasepipeline.cloud;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import java.util.concurrent.atomic.AtomicInteger;
import io.releasepipeline.observe.PipelineMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * The Java half of the one HTTP call path ({@code routes/cloud-call.camel.yaml}): puts exactly the documented headers
 * on a request, and turns every answer into a typed response or one classified {@link CloudApiException}.
 *
 * <p>Operation routes describe a call with exchange properties: {@code cloudService}, {@code cloudOperation},
 * {@code cloudMethod}, {@code cloudUrl}, optionally {@code cloudQuery}, {@code cloudWorkspace}, and
 * {@code cloudResponseType} (a class name; absent for answers without a body worth reading). A caller that wants its
 * calls counted puts an {@code AtomicInteger} in the property {@code apiCallCounter}.</p>
 */
public class CloudCall {

    public static final String AUTH_NONE = "none";
    private static final String SENT_AT = "cloudSentAt";
    private static final String BASE = "cloudBase";

    private final AuthMode authMode;
    private final String projectId;
    private final TokenCache tokens;
    private final ErrorClassifier classifier;
    private final ObjectMapper json;
    private final PipelineMetrics metrics;

    public enum AuthMode { AKSK, TOKEN }

    public CloudCall(AuthMode authMode, String projectId, TokenCache tokens, ErrorClassifier classifier,
                     ObjectMapper json, PipelineMetrics metrics) {
        this.authMode = authMode;
        this.projectId = projectId;
        this.tokens = tokens;
        this.classifier = classifier;
        this.json = json;
        this.metrics = metrics;
    }

    /** The typed request as the JSON body the provider documents (none for a GET). */
    public String marshal(Object request) throws JsonProcessingException {
        return request == null || request instanceof String ? (String) request : json.writeValueAsString(request);
    }

    /** Sets the request's headers: nothing from upstream (a webhook's Authorization, say) may leak to the provider. */
    public void prepare(Exchange exchange) {
        Message in = exchange.getMessage();
        AtomicInteger calls = exchange.getProperty("apiCallCounter", AtomicInteger.class);
        if (calls != null) {
            calls.incrementAndGet();
        }
        exchange.setProperty(SENT_AT, System.nanoTime());
        // the error handler's marker stays: a retried create or deploy reads it to re-read the provider first
        in.removeHeaders("*", Exchange.REDELIVERED, Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER);
        in.setHeader(Exchange.HTTP_METHOD, exchange.getProperty("cloudMethod", String.class));
        // one endpoint per service (its scheme, host and port), the URL's path in the header: an endpoint per URL
        // (one per package) filled Camel's endpoint cache, and each eviction closed a connection pool in use
        String url = exchange.getProperty("cloudUrl", String.class);
        java.net.URI parsed = java.net.URI.create(url);
        exchange.setProperty(BASE, parsed.getScheme() + "://" + parsed.getRawAuthority());
        in.setHeader(Exchange.HTTP_URI, url);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
        in.setHeader("User-Agent", "release-pipeline");
        String query = exchange.getProperty("cloudQuery", String.class);
        if (query != null && !query.isEmpty()) {
            in.setHeader(Exchange.HTTP_QUERY, query);
        }
        String workspace = exchange.getProperty("cloudWorkspace", String.class);
        if (workspace != null && !workspace.isBlank()) {
            in.setHeader("workspace", workspace);
        }
        if (AUTH_NONE.equals(exchange.getProperty("cloudAuth", String.class))) {
            return;
        }
        if (authMode == AuthMode.TOKEN) {
            in.setHeader("X-Auth-Token", tokens.token());
        } else {
            in.setHeader("X-Project-Id", projectId);
        }
    }

    /** Whether the provider refused the token of this call (401 in token mode) and it was not renewed yet. */
    public boolean tokenRejected(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status == 401 && authMode == AuthMode.TOKEN
                && !AUTH_NONE.equals(exchange.getProperty("cloudAuth", String.class))
                && !exchange.getProperty("cloudRenewed", false, Boolean.class);
    }

    /** Drops the cached token so the call can be sent once more with a new one. */
    public void renewToken(Exchange exchange) {
        exchange.setProperty("cloudRenewed", true);
        tokens.invalidate();
    }

    /** The typed response for a 2xx answer; otherwise throws the classified failure. */
    public Object read(Exchange exchange) {
        forgetSecrets(exchange);
        CloudApiException ioFailure = exchange.getProperty("cloudIoFailure", CloudApiException.class);
        if (ioFailure != null) {
            metrics.apiCall(ioFailure.getOperation(), 0, took(exchange));
            throw ioFailure;
        }
        Message out = exchange.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        metrics.apiCall(exchange.getProperty("cloudOperation", String.class), status, took(exchange));
        String requestId = out.getHeader("X-Request-Id", String.class);
        String body = out.getBody(String.class);
        if (status >= 200 && status < 300) {
            String type = exchange.getProperty("cloudResponseType", String.class);
            if (type == null) {
                return body;
            }
            try {
                if (body == null || body.isBlank()) {
                    throw new JsonParseException(null, "empty body");
                }
                return json.readValue(body, exchange.getContext().getClassResolver().resolveMandatoryClass(type));
            } catch (JsonProcessingException | ClassNotFoundException e) {
                // The call may well have taken effect: a create or deploy answered this way must be re-read.
                throw failure(exchange, status, null, "unreadable answer body", requestId, body,
                        ErrorCategory.TRANSIENT, true, null);
            }
        }
        String code = null;
        String msg = null;
        String raw = body;
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                JsonNode error = node.path("error");
                code = text(node.get("error_code"), error.get("code"));
                msg = text(node.get("error_msg"), error.get("message"));
                raw = null;
            }
        } catch (JsonProcessingException notJson) {
            // kept as raw body: an HTML page from a proxy, say
        }
        throw failure(exchange, status, code, msg, requestId, raw, classifier.classify(status, code), false,
                out.getHeader("Retry-After", String.class));
    }

    /**
     * An I/O failure, answered (not thrown: {@link #read} throws it outside the doTry, where the error handler keeps
     * its redelivery count): a refused connection never reached the provider; a timeout or reset may have.
     */
    public CloudApiException ioFailure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (ObjectHelper.getException(SSLException.class, cause) != null) {
            // a certificate the runtime does not trust: no retry will change that, and nothing was sent
            return failure(exchange, 0, null, "TLS: " + cause.getMessage(), null, null, ErrorCategory.UNKNOWN, false,
                    null);
        }
        boolean neverSent = ObjectHelper.getException(ConnectException.class, cause) != null
                || ObjectHelper.getException(UnknownHostException.class, cause) != null;
        String what = cause == null ? "I/O failure" : cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
        return failure(exchange, 0, null, what, null, null, ErrorCategory.TRANSIENT, !neverSent, null);
    }

    private static java.time.Duration took(Exchange exchange) {
        Long sentAt = exchange.getProperty(SENT_AT, Long.class);
        return sentAt == null ? null : java.time.Duration.ofNanos(System.nanoTime() - sentAt);
    }

    /** camel-http copies request headers onto the answer: the token and the request body must not travel further. */
    private static void forgetSecrets(Exchange exchange) {
        exchange.getMessage().removeHeader("X-Auth-Token");
        if (AUTH_NONE.equals(exchange.getProperty("cloudAuth", String.class))) {
            exchange.removeProperty("cloudRequestBody");
        }
    }

    private static CloudApiException failure(Exchange exchange, int status, String code, String msg,
                                             String requestId, String raw, ErrorCategory category, boolean ambiguous,
                                             String retryAfter) {
        return new CloudApiException(exchange.getProperty("cloudService", String.class),
                exchange.getProperty("cloudOperation", String.class), status, code, msg, requestId,
                raw == null || raw.isEmpty() ? null : raw, category, ambiguous, retryAfter);
    }

    private static String text(JsonNode first, JsonNode second) {
        JsonNode node = first != null && !first.isNull() ? first : second;
        return node == null || node.isNull() ? null : node.asText();
    }
}
