package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route file in routes/ validated against the YAML DSL JSON Schema that camel-yaml-dsl ships in its jar
 * (schema/camelYamlDsl.json, the one Kaoto and Camel JBang read): a route the runtime happens to accept but the
 * schema does not is a route the tooling cannot open. Every violation of every file is listed at once.
 */
class RouteSchemaTest {

    private static final String SCHEMA = "schema/camelYamlDsl.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> COMPOSITE = Set.of("oneOf", "anyOf", "allOf", "not");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\.(oneOf|anyOf|allOf|not)(\\[|\\.|$)");

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = RouteSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            assertTrue(in != null, SCHEMA + " not on the classpath (camel-yaml-dsl)");
            JsonNode node = new ObjectMapper().readTree(in);
            // the schema declares "$schema": "http://json-schema.org/draft-04/schema#"
            assertEquals("http://json-schema.org/draft-04/schema#", node.path("$schema").asText());
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node);
        }
    }

    @Test
    void everyRouteFileIsValidAgainstTheCamelYamlDslSchema() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                violations.addAll(violations(file.getFileName().toString(), Files.readString(file)));
                checked++;
            }
        }
        assertTrue(checked > 0, "no routes/*.camel.yaml found");
        assertEquals(List.of(), violations, violations.size() + " schema violations in routes/");
    }

    @Test
    void whatTheSchemaRejectsIsReportedOncePerLocation() throws Exception {
        String yaml = """
                - routeConfiguration:
                    onException:
                      - onException:
                          exception: [java.io.IOException]
                          handled:
                            constant: true
                - route:
                    id: broken
                    from:
                      parameters:
                        period: 1000
                      steps:
                        - setHeader:
                            name: X-Status
                            constant: 502
                """;
        assertEquals(List.of(
                "inline.camel.yaml: $[0].routeConfiguration.onException[0].onException.handled.constant: "
                        + "boolean found, object expected; boolean found, string expected",
                "inline.camel.yaml: $[1].route.from: required property 'uri' not found",
                "inline.camel.yaml: $[1].route.from.steps[0].setHeader.constant: "
                        + "integer found, object expected; integer found, string expected"),
                violations("inline.camel.yaml", yaml));
    }

    @Test
    void aValidRouteHasNoViolations() throws Exception {
        String yaml = """
                - route:
                    id: fine
                    from:
                      uri: timer:tick
                      parameters:
                        period: 1000
                      steps:
                        - setHeader:
                            name: X-Kind
                            constant: tick
                        - log: hello
                """;
        assertEquals(List.of(), violations("inline.camel.yaml", yaml));
    }

    /**
     * One line per offending location, {@code file: path: message[; message]}. The validator reports every failed
     * alternative of a oneOf/anyOf (an expression is one of 26 languages, so a bad {@code constant} yields ~30
     * messages); a message found inside such an alternative is kept only at the deepest location that failed, and
     * the bare "must be valid to one and only one schema" summary only where nothing more precise is said.
     */
    private static List<String> violations(String file, String yaml) throws Exception {
        Set<ValidationMessage> messages = schema.validate(YAML.readTree(yaml));
        List<String> locations = messages.stream().map(m -> m.getInstanceLocation().toString()).distinct().toList();
        Map<String, List<ValidationMessage>> kept = new TreeMap<>();
        for (ValidationMessage message : messages) {
            String at = message.getInstanceLocation().toString();
            boolean deeperFailed = locations.stream().anyMatch(l -> l.startsWith(at + ".") || l.startsWith(at + "["));
            if (!deeperFailed || !insideAlternative(message)) {
                kept.computeIfAbsent(at, k -> new ArrayList<>()).add(message);
            }
        }
        List<String> violations = new ArrayList<>();
        kept.forEach((at, here) -> {
            List<ValidationMessage> precise = here.stream().filter(m -> !COMPOSITE.contains(m.getType())).toList();
            violations.add(file + ": " + at + ": " + (precise.isEmpty() ? here : precise).stream()
                    .map(ValidationMessage::getError).distinct().sorted().collect(Collectors.joining("; ")));
        });
        return violations;
    }

    private static boolean insideAlternative(ValidationMessage message) {
        return COMPOSITE.contains(message.getType())
                || ALTERNATIVE.matcher(message.getEvaluationPath().toString()).find();
    }
}
