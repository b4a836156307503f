package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint URI in routes/ checked against the Camel catalog: an unknown component or option (a typo) fails
 * the build, not production. Placeholders and simple expressions are replaced by sample values first.
 */
class RouteValidationTest {

    private static final Pattern URI = Pattern.compile("(?m)^\\s*(?:-\\s*)?(?:uri|to|toD|wireTap)\\s*:\\s*(.+)$");
    private static final Pattern INLINE = Pattern.compile("\\{uri:\\s*([^,}]+)(?:,\\s*parameters:\\s*\\{([^}]*)\\})?");

    @Test
    void everyEndpointInRoutesIsKnownToTheCatalog() throws Exception {
        CamelCatalog catalog = new DefaultCamelCatalog(true);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                String yaml = Files.readString(file);
                for (String uri : uris(yaml)) {
                    String sample = uri.replaceAll("\\{\\{[^}]+}}", "1").replaceAll("\\$\\{[^}]+}", "x");
                    if (sample.equals("x") || sample.startsWith("x?") || sample.startsWith("x/")) {
                        continue;
                    }
                    EndpointValidationResult result = catalog.validateEndpointProperties(sample, false, false, false);
                    checked++;
                    if (!result.isSuccess()) {
                        problems.add(file.getFileName() + ": " + uri + "\n" + result.summaryErrorMessage(false));
                    }
                }
            }
        }
        assertTrue(checked > 20, "endpoints checked: " + checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aTypoInAnOptionIsCaught() {
        EndpointValidationResult result = new DefaultCamelCatalog(true)
                .validateEndpointProperties("seda:promotions?concurentConsumers=4", false, false, false);
        assertTrue(!result.isSuccess() && result.getUnknown().contains("concurentConsumers"));
    }

    static List<String> uris(String yaml) {
        List<String> uris = new ArrayList<>();
        Matcher inline = INLINE.matcher(yaml);
        while (inline.find()) {
            String params = inline.group(2) == null ? "" : inline.group(2).replaceAll("\\s*:\\s*", "=")
                    .replaceAll(",\\s*", "&");
            uris.add(unquote(inline.group(1)) + (params.isEmpty() ? "" : "?" + params));
        }
        Matcher plain = URI.matcher(yaml);
        while (plain.find()) {
            String value = plain.group(1).trim();
            if (!value.startsWith("{")) {
                uris.add(unquote(value));
            }
        }
        return uris;
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() > 1 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
    }
}
