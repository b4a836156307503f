package io.releasepipeline.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table: method and path pattern to the provider's service, operation and handler; first match wins.
 * Our own list rather than vertx-web's Router (on the classpath through camel-platform-http): each entry names the
 * provider's operation, which fault injection, the throttle and the stats key on, and matching is a plain call a
 * worker thread makes on the raw path the signature covers.
 */
final class Endpoints {

    record Endpoint(String method, Pattern path, String service, String operation,
                    Function<SimRequest, SimResponse> handler) {
    }

    /** The endpoint a request hit, and its path parameters as sent (in order: the project id first). */
    record Match(Endpoint endpoint, List<String> rawParams) {

        /** The path parameters, URL-decoded (a malformed escape throws {@link IllegalArgumentException}). */
        List<String> params() {
            return rawParams.stream().map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
        }
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    private Endpoints() {
    }

    /** Every operation the simulator serves, at the path the provider's API reference gives it. */
    static Endpoints of(DataArtsApi dataArts, ServiceStageApi serviceStage, ApicApi apic, IamApi iam) {
        Endpoints table = new Endpoints();
        String p = "/v2/([^/]+)/factory";
        table.on("POST", p + "/release-packages", "DataArts", "ListFactoryReleasePackages",
                dataArts::listReleasePackages);
        // page 000's example request shows this older path; the service answers both
        table.on("POST", p + "/packages", "DataArts", "ListFactoryReleasePackages", dataArts::listReleasePackages);
        table.on("GET", p + "/pending-items", "DataArts", "ListFactoryPendingItems", dataArts::listPendingItems);
        table.on("POST", p + "/pending-items/package", "DataArts", "CreateFactoryPendingItemsPackage",
                dataArts::createPendingItemsPackage);
        table.on("POST", p + "/release-packages/deploy", "DataArts", "DeployFactoryPackages",
                dataArts::deployPackages);
        table.on("GET", p + "/release-packages/([^/]+)", "DataArts", "ShowFactoryPackageDetail",
                dataArts::showPackageDetail);
        table.on("GET", "/v3/([^/]+)/cas/release-plans/([^/]+)/deploy-info", "ServiceStage",
                "ShowReleasePlanDeployInfo", serviceStage::showReleasePlanDeployInfo);
        table.on("GET", "/v2/([^/]+)/apic/instances/([^/]+)/livedata-apis/([^/]+)/deploy", "APIC",
                "ListLiveDataApiDeploymentHistoryV2", apic::listLiveDataApiDeploymentHistory);
        table.on("POST", "/v3/auth/tokens", "IAM", "KeystoneCreateUserTokenByPassword", iam::createToken);
        return table;
    }

    private void on(String method, String path, String service, String operation,
                    Function<SimRequest, SimResponse> handler) {
        endpoints.add(new Endpoint(method, Pattern.compile(path), service, operation, handler));
    }

    /** The endpoint for this method and raw path, or null when the provider has no such API. */
    Match match(String method, String rawPath) {
        for (Endpoint candidate : endpoints) {
            Matcher m = candidate.path().matcher(rawPath);
            if (candidate.method().equals(method) && m.matches()) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                return new Match(candidate, params);
            }
        }
        return null;
    }
}
