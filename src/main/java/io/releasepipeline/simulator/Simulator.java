package io.releasepipeline.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded simulator of the provider's services on loopback: DataArts Studio Factory, ServiceStage release plans,
 * ROMA APIC livedata APIs and IAM tokens, behind a gateway that checks tokens and AK/SK signatures, throttles, and
 * injects faults. Admin endpoints under {@code /admin} (faults, stats) are for tests and benchmarks only.
 * This class starts and stops the HTTP server and wires the parts; {@link Dispatcher} answers the requests.
 */
public final class Simulator implements AutoCloseable {

    private final Vertx vertx;
    private HttpServer server;
    private HttpServerOptions options;
    private boolean tls;
    private final World world = new World();
    private final Faults faults = new Faults();
    private final CallStats calls = new CallStats();
    private final Gateway gateway;
    private final Scenarios scenarios;
    private final Dispatcher dispatcher;

    private Simulator(SimulatorSettings settings, Clock clock) {
        this.vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(64).setBlockedThreadCheckInterval(60_000));
        this.gateway = new Gateway(world, settings);
        DemoData.seed(world);
        LifeCycles lifeCycles = new LifeCycles(settings);
        Endpoints endpoints = Endpoints.of(new DataArtsApi(world, lifeCycles, settings),
                new ServiceStageApi(world, lifeCycles), new ApicApi(world), new IamApi(world, settings));
        this.dispatcher = new Dispatcher(endpoints, gateway, faults, new AdminApi(faults, calls, gateway, world),
                calls, clock);
        this.scenarios = new Scenarios(world, clock, settings);
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

    public Faults faults() {
        return faults;
    }

    /** Items, packages, plans and users to add to the seed, and the provider's side of a run to check. */
    public Scenarios scenarios() {
        return scenarios;
    }

    /** Answers given per operation and HTTP status. */
    public long calls(String operation, int status) {
        return calls.calls(operation, status);
    }

    public long calls(String operation) {
        return calls.calls(operation);
    }

    /** Every answer given, of every operation. */
    public long calls() {
        return calls.byOperation().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue)
                .sum();
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

    /** Reads the whole request on the event loop, answers it on a worker (handlers block), writes the answer. */
    private void handle(HttpServerRequest request) {
        request.body().onFailure(e -> request.connection().close()).onSuccess(buffer -> {
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
            Incoming in = new Incoming(request.method().name(), request.path(), request.query(), headers,
                    buffer.getBytes());
            vertx.<Outgoing>executeBlocking(() -> dispatcher.answer(in), false).onComplete(done -> {
                HttpServerResponse response = request.response();
                Outgoing out = done.succeeded() ? done.result() : Outgoing.SYSTEM_ERROR;
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
}
