package io.releasepipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.CloudJson;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;

/** {@code call OPERATION --json '{...}'}: one operation against the configured endpoints, answer as JSON. */
final class CallCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar call OPERATION [--json '{...}']

            Calls one provider operation against the configured endpoints (the embedded simulator by default)
            and prints the typed answer as JSON; on failure prints the classified error and exits 1.
            The JSON uses the provider's snake_case field names; DataArts requests may name a "workspace".
            Operations: %s
            Example: call DeployFactoryPackages --json '{"package_ids":["3"],"startup_mode":0}'
            """;

    private CallCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Main.wantsHelp(args) || args.length == 0) {
            out.printf(HELP, String.join(", ", Operations.REQUEST_TYPES.keySet()));
            return args.length == 0 ? Main.USAGE : Main.OK;
        }
        String operation = args[0];
        String json = "{}";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--json") && i + 1 < args.length) {
                json = args[++i];
            } else {
                err.println("release-pipeline: unknown option '" + args[i] + "' for call; see call --help");
                return Main.USAGE;
            }
        }
        Class<?> type = Operations.REQUEST_TYPES.get(operation);
        if (type == null) {
            err.println("release-pipeline: unknown operation '" + operation + "'; use one of "
                    + String.join(", ", Operations.REQUEST_TYPES.keySet()));
            return Main.USAGE;
        }
        ObjectMapper mapper = CloudJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
        Object request;
        try {
            request = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            err.println("release-pipeline: --json is not a valid " + operation + " request: " + Runtime.reason(e)
                    .lines().findFirst().orElse(""));
            return Main.USAGE;
        }
        return Runtime.withOnePass(err, null, context -> {
            try {
                try {
                    Object answer = context.createProducerTemplate().requestBody("direct:" + operation, request);
                    out.println(mapper.writeValueAsString(answer));
                    return Main.OK;
                } catch (CamelExecutionException e) {
                    if (e.getCause() instanceof CloudApiException failure) {
                        out.println(mapper.writeValueAsString(describe(failure)));
                        return Main.FAILED;
                    }
                    err.println("release-pipeline: " + operation + " failed: " + Runtime.reason(e.getCause()));
                    return Main.USAGE;
                }
            } catch (JsonProcessingException e) {
                err.println("release-pipeline: cannot print the answer: " + e.getOriginalMessage());
                return Main.FAILED;
            }
        });
    }

    static Map<String, Object> describe(CloudApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("category", e.getCategory().name());
        error.put("service", e.getService());
        error.put("operation", e.getOperation());
        error.put("http_status", e.getHttpStatus());
        error.put("error_code", e.getErrorCode());
        error.put("error_msg", e.getErrorMsg());
        error.put("request_id", e.getRequestId());
        error.put("ambiguous", e.isAmbiguous());
        if (e.getRawBody() != null) {
            error.put("raw_body", e.getRawBody());
        }
        return error;
    }
}
