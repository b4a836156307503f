package io.releasepipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM: project-scoped tokens for a password identity ({@code POST /v3/auth/tokens}). */
final class IamApi {

    private static final DateTimeFormatter IAM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final World world;
    private final SimulatorSettings settings;
    private final SecureRandom random = new SecureRandom();

    IamApi(World world, SimulatorSettings settings) {
        this.world = world;
        this.settings = settings;
    }

    SimResponse createToken(SimRequest request) {
        JsonNode auth = request.json().path("auth");
        JsonNode user = auth.path("identity").path("password").path("user");
        if (!auth.path("identity").path("methods").toString().contains("\"password\"") || !user.isObject()) {
            throw new ApiError(400, "IAM.0007", "The request body is invalid: auth.identity must use password");
        }
        String name = user.path("name").asText();
        String password = user.path("password").asText();
        String domain = user.path("domain").path("name").asText();
        String projectId = auth.path("scope").path("project").path("id").asText();
        synchronized (world) {
            World.User match = world.usersById.values().stream()
                    .filter(u -> u.password != null && u.name.equals(name) && u.domain.equals(domain)
                            && u.password.equals(password))
                    .findFirst()
                    .orElseThrow(() -> new ApiError(401, "IAM.0101", "The username or password is wrong."));
            World.Project project = world.projects.get(projectId);
            if (project == null) {
                throw new ApiError(400, "IAM.0007", "The request body is invalid: unknown project " + projectId);
            }
            byte[] bytes = new byte[96];
            random.nextBytes(bytes);
            String token = "MIIsim" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant issued = request.now();
            Instant expires = issued.plus(settings.tokenLifetime());
            world.tokens.put(token, new World.Token(match.id, project.id, expires));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("expires_at", IAM_TIME.format(expires));
            body.put("issued_at", IAM_TIME.format(issued));
            body.put("methods", List.of("password"));
            body.put("user", Map.of("id", match.id, "name", match.name,
                    "domain", Map.of("id", "domain-" + match.domain, "name", match.domain)));
            body.put("project", Map.of("id", project.id, "name", project.name,
                    "domain", Map.of("id", "domain-" + match.domain, "name", match.domain)));
            body.put("catalog", List.of());
            return new SimResponse(201, Map.of("token", body), Map.of("X-Subject-Token", token));
        }
    }
}
