package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated provider behind the HTTP server: route match, fault injection, the gateway, then the operation;
 * every answer is counted. Runs on a worker thread.
 */
final class Dispatcher {

    private final Endpoints endpoints;
    private final Gateway gateway;
    private final Faults faults;
    private final AdminApi admin;
    private final CallStats calls;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    Dispatcher(Endpoints endpoints, Gateway gateway, Faults faults, AdminApi admin, CallStats calls, Clock clock) {
        this.endpoints = endpoints;
        this.gateway = gateway;
        this.faults = faults;
        this.admin = admin;
        this.calls = calls;
        this.clock = clock;
    }

    Outgoing answer(Incoming in) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", UUID.randomUUID().toString().replace("-", ""));
        if (in.rawPath().startsWith("/admin/")) {
            return counted("admin", admin.answer(in, headers));
        }
        Endpoints.Match match = endpoints.match(in.method(), in.rawPath());
        if (match == null) {
            return counted("unknown", Outgoing.error(headers, new ApiError(404, "APIG.0101",
                    "The API does not exist or has not been published in the environment")));
        }
        String operation = match.endpoint().operation();
        Fault fault = faults.pick(operation);
        Outgoing faulted = fault == null ? null : FaultInjection.apply(fault, headers);
        if (faulted != null) {
            return counted(operation, faulted);
        }
        try {
            SimResponse response = serve(in, match);
            headers.putAll(response.headers());
            return counted(operation, Outgoing.json(headers, response.status(), response.body()));
        } catch (ApiError e) {
            return counted(operation, Outgoing.error(headers, e));
        }
    }

    /** Counts an answer; one the client never saw whole (hung up, cut short) counts as status 0. */
    private Outgoing counted(String operation, Outgoing out) {
        calls.count(operation, out.cut() ? 0 : out.status());
        return out;
    }

    private SimResponse serve(Incoming in, Endpoints.Match match) {
        Endpoints.Endpoint endpoint = match.endpoint();
        Map<String, String> headers = new LinkedHashMap<>();
        in.headers().forEach((name, value) -> headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        byte[] body = in.body();
        List<String> params = match.params();
        Instant now = clock.instant();
        World.User user = null;
        if (!endpoint.service().equals("IAM")) {
            user = gateway.authenticate(in.method(), in.rawPath(), in.rawQuery(), headers, in.headers(), body,
                    params.get(0), now);
            gateway.throttle(user, endpoint.operation(), now);
        }
        JsonNode parsed = json.createObjectNode();
        if (body.length > 0 && endpoint.method().equals("POST")) {
            try {
                parsed = json.readTree(body);
            } catch (IOException e) {
                throw invalidBody(endpoint.service(), "the body is not valid JSON");
            }
            if (parsed == null || !parsed.isObject()) {
                throw invalidBody(endpoint.service(), "the body must be a JSON object");
            }
        }
        return endpoint.handler().apply(new SimRequest(endpoint.operation(), params, query(in.rawQuery()),
                headers, body, user, now, parsed));
    }

    /** Each service words a bad body its own way. */
    private static ApiError invalidBody(String service, String detail) {
        return switch (service) {
            case "IAM" -> new ApiError(400, "IAM.0007", "The request body is invalid: " + detail);
            case "APIC", "ServiceStage" -> new ApiError(400, "APIG.2011", "Invalid parameter value: " + detail);
            default -> ApiError.invalid(detail);
        };
    }

    /**
     * The query's parameters, decoded; the first of a repeated name wins. Decoded here rather than by Vert.x's
     * {@code request.params()} so that the dispatcher needs only the raw {@link Incoming}, not the Vert.x request.
     */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
