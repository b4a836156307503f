package io.releasepipeline.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded simulator of the provider's services on loopback: DataArts Studio Factory, ServiceStage release plans,
 * ROMA APIC livedata APIs and IAM tokens, behind a gateway that checks tokens and AK/SK signatures, throttles, and
 * injects faults. Admin endpoints under {@code /admin} (faults, stats) are for tests and benchmarks only.
 */
public final class Simulator implements AutoCloseable {

    private static final String JSON = "application/json;charset=UTF-8";

    private record Endpoint(String method, Pattern path, String service, String operation,
                            Function<SimRequest, SimResponse> handler) {
    }

    private final Vertx vertx;
    private HttpServer server;
    private HttpServerOptions options;
    private boolean tls;
    private final World world = new World();
    private final Faults faults = new Faults();
    private final Gateway gateway;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, Map<Integer, AtomicLong>> calls = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper adminJson = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Simulator(SimulatorSettings settings, Clock clock) {
        this.vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(64).setBlockedThreadCheckInterval(60_000));
        this.clock = clock;
        this.settings = settings;
        this.gateway = new Gateway(world, settings);
        DemoData.seed(world);
        LifeCycles lifeCycles = new LifeCycles(settings);
        DataArtsApi dataArts = new DataArtsApi(world, lifeCycles, settings);
        ServiceStageApi serviceStage = new ServiceStageApi(world, lifeCycles);
        ApicApi apic = new ApicApi(world);
        IamApi iam = new IamApi(world, settings);
        String p = "/v2/([^/]+)/factory";
        on("POST", p + "/release-packages", "DataArts", "ListFactoryReleasePackages", dataArts::listReleasePackages);
        // page 000's example request shows this older path; the service answers both
        on("POST", p + "/packages", "DataArts", "ListFactoryReleasePackages", dataArts::listReleasePackages);
        on("GET", p + "/pending-items", "DataArts", "ListFactoryPendingItems", dataArts::listPendingItems);
        on("POST", p + "/pending-items/package", "DataArts", "CreateFactoryPendingItemsPackage",
                dataArts::createPendingItemsPackage);
        on("POST", p + "/release-packages/deploy", "DataArts", "DeployFactoryPackages", dataArts::deployPackages);
        on("GET", p + "/release-packages/([^/]+)", "DataArts", "ShowFactoryPackageDetail",
                dataArts::showPackageDetail);
        on("GET", "/v3/([^/]+)/cas/release-plans/([^/]+)/deploy-info", "ServiceStage", "ShowReleasePlanDeployInfo",
                serviceStage::showReleasePlanDeployInfo);
        on("GET", "/v2/([^/]+)/apic/instances/([^/]+)/livedata-apis/([^/]+)/deploy", "APIC",
                "ListLiveDataApiDeploymentHistoryV2", apic::listLiveDataApiDeploymentHistory);
        on("POST", "/v3/auth/tokens", "IAM", "KeystoneCreateUserTokenByPassword", iam::createToken);
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public static Simulator start(int port, SimulatorSettings settings) throws IOException {
        return start(port, settings, Clock.systemUTC());
    }

    public static Simulator start(int port, SimulatorSettings settings, Clock clock) throws IOException {
        return start(new HttpServerOptions().setPort(port), settings, clock);
    }

    /** Starts over TLS with the certificate and key in a PKCS#12 file (for tests of certificate verification). */
    public static Simulator startTls(int port, SimulatorSettings settings, String pkcs12, String password)
            throws IOException {
        return start(new HttpServerOptions().setPort(port).setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(pkcs12).setPassword(password)), settings,
                Clock.systemUTC());
    }

    private static Simulator start(HttpServerOptions options, SimulatorSettings settings, Clock clock)
            throws IOException {
        Simulator simulator = new Simulator(settings, clock);
        int port = options.getPort();
        simulator.tls = options.isSsl();
        try {
            simulator.options = options.setHost("127.0.0.1").setMaxHeaderSize(16384).setHttp2ClearTextEnabled(false);
            simulator.server = simulator.listen(options);
            return simulator;
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            simulator.close();
            throw new IOException("simulator cannot listen on 127.0.0.1:" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    private HttpServer listen(HttpServerOptions with) throws ExecutionException, TimeoutException,
            InterruptedException {
        return vertx.createHttpServer(with).requestHandler(this::handle).listen().toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Stops listening (calls are refused, as when the service is down) until {@link #acceptConnections}. */
    public void refuseConnections() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        options.setPort(port);
    }

    /** Listens again on the same port, with the same state. */
    public void acceptConnections() throws Exception {
        server = listen(options);
    }

    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public World world() {
        return world;
    }

    /** Adds pending items to a workspace (created when new); answers their ids. */
    public List<String> addPendingItems(String projectId, String workspace, List<String> itemNames) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.computeIfAbsent(workspace, World.Workspace::new);
            List<String> ids = new ArrayList<>();
            for (String name : itemNames) {
                String id = String.valueOf(project.nextPendingItemId.getAndIncrement());
                DemoData.pendingItem(ws, id, name, clock.millis());
                ids.add(id);
            }
            return ids;
        }
    }

    /** Adds an identity the gateway and IAM accept (password may be null for an AK/SK-only user). */
    public void addUser(String id, String name, String password, String ak, String sk) {
        synchronized (world) {
            DemoData.user(world, id, name, password, ak, sk, true);
        }
    }

    /** The IAM tokens issued so far (for tests that look for them where they must not be). */
    public java.util.Set<String> issuedTokens() {
        return java.util.Set.copyOf(world.tokens.keySet());
    }

    /** Adds a package holding new pending items, as an earlier run would have left it (deploy_status 1, 2, 3). */
    public String addPackage(String projectId, String workspace, String name, int deployStatus,
                             List<String> itemNames) {
        List<String> items = addPendingItems(projectId, workspace, itemNames);
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.get(workspace);
            String id = String.valueOf(project.nextPackageId.getAndIncrement());
            Long deployed = deployStatus == 1 ? null : clock.millis();
            DemoData.releasedPackage(ws, id, name, clock.millis(), deployStatus, deployed);
            World.ReleasePackage pkg = ws.packages.get(id);
            items.forEach(itemId -> {
                World.PendingItem item = ws.pendingItems.get(itemId);
                item.packageFlag = 1;
                pkg.items.add(item);
                if (deployStatus == 2) {
                    ws.pendingItems.remove(itemId);
                }
            });
            return id;
        }
    }

    /** Adds a release plan whose components run in the given order (seq 1, 2, ...); it starts at its first read. */
    public void addReleasePlan(String projectId, String releasePlanId, List<String> componentNames,
                               List<String> liveDataApiIds) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            List<World.Component> components = new ArrayList<>();
            for (int i = 0; i < componentNames.size(); i++) {
                String id = UUID.randomUUID().toString();
                components.add(DemoData.component(id, componentNames.get(i), i + 1, "1.0." + i, "JOB" + id));
            }
            DemoData.releasePlan(project, releasePlanId, components).liveDataApis.addAll(liveDataApiIds);
        }
    }

    /** Adds {@code count} packages with rotating deploy_status 1, 2, 3 (a long history, for paging benchmarks). */
    public void addPackages(String projectId, String workspace, int count) {
        synchronized (world) {
            World.Project project = world.projects.get(projectId);
            World.Workspace ws = project.workspaces.computeIfAbsent(workspace, World.Workspace::new);
            long now = clock.millis();
            for (int i = 0; i < count; i++) {
                String id = String.valueOf(project.nextPackageId.getAndIncrement());
                int status = 1 + i % 3;
                DemoData.releasedPackage(ws, id, "history_" + i, now - i, status, status == 1 ? null : now - i);
            }
        }
    }

    /**
     * When the provider finished deploying the package of this name (its deploy_timestamp), or null while it has
     * not (as far as any reader has seen).
     */
    public Instant deployFinishedAt(String projectId, String workspace, String packageName) {
        synchronized (world) {
            return world.projects.get(projectId).workspaces.get(workspace).packages.values().stream()
                    .filter(p -> p.name.equals(packageName) && p.deployTimestamp != null && p.deployStatus != 1)
                    .map(p -> Instant.ofEpochMilli(p.deployTimestamp)).findFirst().orElse(null);
        }
    }

    /** When the release plan's last batch ends (null before its first read). */
    public Instant releasePlanFinishedAt(String projectId, String releasePlanId) {
        synchronized (world) {
            World.ReleasePlan plan = world.projects.get(projectId).releasePlans.get(releasePlanId);
            if (plan == null || plan.startedAt == null) {
                return null;
            }
            long batches = plan.components.stream().map(c -> c.seq).distinct().count();
            return plan.startedAt.plus(settings.componentDuration().multipliedBy(batches));
        }
    }

    /** How many packages in a workspace carry this name: more than one means a create was duplicated. */
    public long packagesNamed(String projectId, String workspace, String name) {
        synchronized (world) {
            return world.projects.get(projectId).workspaces.get(workspace).packages.values().stream()
                    .filter(p -> p.name.equals(name)).count();
        }
    }

    /** Deploy history records of a livedata API. */
    public int liveDataApiDeploys(String projectId, String instanceId, String ldApiId) {
        synchronized (world) {
            return world.projects.get(projectId).instances.get(instanceId).apis.get(ldApiId).histories.size();
        }
    }

    public Faults faults() {
        return faults;
    }

    /** Answers given per operation and HTTP status. */
    public long calls(String operation, int status) {
        AtomicLong n = calls.getOrDefault(operation, Map.of()).get(status);
        return n == null ? 0 : n.get();
    }

    public long calls(String operation) {
        return calls.getOrDefault(operation, Map.of()).values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long throttled() {
        return gateway.throttled();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort: the JVM exits or the test ends anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void on(String method, String path, String service, String operation,
                    Function<SimRequest, SimResponse> handler) {
        endpoints.add(new Endpoint(method, Pattern.compile(path), service, operation, handler));
    }

    /** A request as received: header names keep their case, path and query stay raw. */
    record Incoming(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    /** An answer, or a way of not answering (hang up, cut mid-body). */
    record Outgoing(int status, Map<String, String> headers, byte[] body, boolean cut) {
    }

    private void handle(HttpServerRequest request) {
        request.body().onFailure(e -> request.connection().close()).onSuccess(buffer -> {
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
            Incoming in = new Incoming(request.method().name(), request.path(), request.query(), headers,
                    buffer.getBytes());
            vertx.<Outgoing>executeBlocking(() -> answer(in), false).onComplete(done -> {
                HttpServerResponse response = request.response();
                Outgoing out = done.succeeded() ? done.result()
                        : new Outgoing(500, Map.of("Content-Type", JSON), "{\"error_code\":\"APIG.9999\",\"error_msg\":\"System error\"}".getBytes(StandardCharsets.UTF_8), false);
                response.setStatusCode(out.status());
                out.headers().forEach(response::putHeader);
                if (out.cut()) {
                    // a fixed-length answer cut short: the client sees the connection die in the middle of the body
                    response.putHeader("Content-Length", "4096");
                    response.write(Buffer.buffer(out.body())).onComplete(x -> request.connection().close());
                } else if (out.status() == 0) {
                    request.connection().close();
                } else {
                    response.end(Buffer.buffer(out.body()));
                }
            });
        });
    }

    /** The simulated provider: gateway, fault injection, then the operation. Runs on a worker thread. */
    Outgoing answer(Incoming in) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", UUID.randomUUID().toString().replace("-", ""));
        if (in.rawPath().startsWith("/admin/")) {
            return admin(in, headers);
        }
        Endpoint endpoint = null;
        Matcher m = null;
        for (Endpoint candidate : endpoints) {
            Matcher match = candidate.path().matcher(in.rawPath());
            if (candidate.method().equals(in.method()) && match.matches()) {
                endpoint = candidate;
                m = match;
                break;
            }
        }
        if (endpoint == null) {
            return error(headers, new ApiError(404, "APIG.0101",
                    "The API does not exist or has not been published in the environment"), "unknown");
        }
        Fault fault = faults.pick(endpoint.operation());
        if (fault != null) {
            Outgoing faulted = inject(headers, fault, endpoint.operation());
            if (faulted != null) {
                return faulted;
            }
        }
        try {
            SimResponse response = serve(in, endpoint, m);
            headers.putAll(response.headers());
            return send(headers, response.status(), JSON, json(response.body()), endpoint.operation());
        } catch (ApiError e) {
            return error(headers, e, endpoint.operation());
        }
    }

    private SimResponse serve(Incoming in, Endpoint endpoint, Matcher m) {
        Map<String, String> headers = new LinkedHashMap<>();
        in.headers().forEach((name, value) -> headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        byte[] body = in.body();
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
        }
        var now = clock.instant();
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
        return endpoint.handler().apply(new SimRequest(endpoint.operation(), params, query(in.rawQuery()), headers, body,
                user, now, parsed));
    }

    private static ApiError invalidBody(String service, String detail) {
        return switch (service) {
            case "IAM" -> new ApiError(400, "IAM.0007", "The request body is invalid: " + detail);
            case "APIC", "ServiceStage" -> new ApiError(400, "APIG.2011", "Invalid parameter value: " + detail);
            default -> ApiError.invalid(detail);
        };
    }

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

    /** Applies a fault: its answer, or null when it only added latency. */
    private Outgoing inject(Map<String, String> headers, Fault fault, String operation) {
        if (fault.hang()) {
            sleep(fault.latencyMs() > 0 ? fault.latencyMs() : 30_000);
            count(operation, 0);
            return new Outgoing(0, Map.of(), new byte[0], false);
        }
        if (fault.latencyMs() > 0) {
            sleep(fault.latencyMs());
        }
        if (fault.reset()) {
            count(operation, 0);
            headers.put("Content-Type", JSON);
            return new Outgoing(200, headers, "{\"data\": [{\"package_id\": \"".getBytes(StandardCharsets.UTF_8), true);
        }
        if (fault.status() == 0) {
            return null;
        }
        if (fault.retryAfter() != null) {
            headers.put("Retry-After", fault.retryAfter());
        }
        byte[] body;
        if (fault.body() != null) {
            body = fault.body().getBytes(StandardCharsets.UTF_8);
        } else if (fault.errorCode() != null) {
            body = json(Map.of("error_code", fault.errorCode(), "error_msg",
                    fault.errorMsg() == null ? "" : fault.errorMsg()));
        } else {
            body = new byte[0];
        }
        return send(headers, fault.status(), fault.omitContentType() ? null : JSON, body, operation);
    }

    private Outgoing error(Map<String, String> headers, ApiError e, String operation) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", e.code);
        body.put("error_msg", e.getMessage());
        return send(headers, e.status, JSON, json(body), operation);
    }

    private Outgoing send(Map<String, String> headers, int status, String contentType, byte[] body,
                          String operation) {
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        count(operation, status);
        return new Outgoing(status, headers, body, false);
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable answer", e);
        }
    }

    private void count(String operation, int status) {
        calls.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    private Outgoing admin(Incoming in, Map<String, String> headers) {
        try {
            switch (in.method() + " " + in.rawPath()) {
                case "POST /admin/faults" -> {
                    JsonNode node = adminJson.readTree(in.body());
                    for (JsonNode one : node.isArray() ? node : adminJson.createArrayNode().add(node)) {
                        faults.add(adminJson.treeToValue(one, Fault.class));
                    }
                    return send(headers, 201, JSON, json(Map.of("faults", "added")), "admin");
                }
                case "DELETE /admin/faults" -> {
                    faults.clear();
                    return send(headers, 204, null, new byte[0], "admin");
                }
                case "GET /admin/stats" -> {
                    return send(headers, 200, JSON, json(stats()), "admin");
                }
                default -> {
                    return send(headers, 404, JSON, json(Map.of("error_code", "SIM.0404",
                            "error_msg", "admin endpoints: POST|DELETE /admin/faults, GET /admin/stats")), "admin");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return send(headers, 400, JSON, json(Map.of("error_code", "SIM.0400",
                    "error_msg", "invalid fault: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""))),
                    "admin");
        }
    }

    private Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byOperation = new LinkedHashMap<>();
        calls.forEach((op, byStatus) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            byStatus.forEach((status, n) -> counts.put(String.valueOf(status), n.get()));
            byOperation.put(op, counts);
        });
        stats.put("calls", byOperation);
        stats.put("throttled", gateway.throttled());
        stats.put("faults_injected", faults.injected());
        stats.put("packages_created", world.packagesCreated());
        stats.put("deploys_by_package", world.deploysByPackage());
        return stats;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
