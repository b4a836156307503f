package io.releasepipeline.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulator's own API, for tests and benchmarks: {@code POST|DELETE /admin/faults}, {@code GET /admin/stats}. */
final class AdminApi {

    private final Faults faults;
    private final CallStats calls;
    private final Gateway gateway;
    private final World world;

    AdminApi(Faults faults, CallStats calls, Gateway gateway, World world) {
        this.faults = faults;
        this.calls = calls;
        this.gateway = gateway;
        this.world = world;
    }

    Outgoing answer(Incoming in, Map<String, String> headers) {
        try {
            switch (in.method() + " " + in.rawPath()) {
                case "POST /admin/faults" -> {
                    faults.addJson(in.body());
                    return Outgoing.json(headers, 201, Map.of("faults", "added"));
                }
                case "DELETE /admin/faults" -> {
                    faults.clear();
                    return Outgoing.of(headers, 204, null, new byte[0]);
                }
                case "GET /admin/stats" -> {
                    return Outgoing.json(headers, 200, stats());
                }
                default -> {
                    return Outgoing.json(headers, 404, Map.of("error_code", "SIM.0404",
                            "error_msg", "admin endpoints: POST|DELETE /admin/faults, GET /admin/stats"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Outgoing.json(headers, 400, Map.of("error_code", "SIM.0400",
                    "error_msg", "invalid fault: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    private Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("calls", calls.byOperation());
        stats.put("throttled", gateway.throttled());
        stats.put("faults_injected", faults.injected());
        stats.put("packages_created", world.packagesCreated());
        stats.put("deploys_by_package", world.deploysByPackage());
        return stats;
    }
}
