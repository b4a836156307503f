package io.releasepipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.AkSkSigner;
import io.releasepipeline.cloud.CloudJson;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsResponse;
import io.releasepipeline.cloud.dataarts.PendingItem;
import io.releasepipeline.cloud.dataarts.DeployStatus;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailResponse;
import io.releasepipeline.cloud.servicestage.ComponentStatus;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the work done the way a straightforward script with the provider's SDK does it. One promotion at
 * a time: list the pending items, create the package, deploy it, then a status call every 5 seconds (the default
 * interval of the provider's command-line waiter) until the package is terminal, then the same for the release
 * plan. A 429 is waited out (Retry-After, else 1 s) and the call sent again, as the SDK's retry helper would.
 * It sends the requests the SDK sends (same paths, headers and AK/SK signature) with the JDK's HTTP client, so the
 * runtime carries no SDK; SdkCompatibilityTest shows the simulator answers the SDK itself the same way.
 */
final class BaselineSide {

    static final long WAITER_INTERVAL_MS = 5000;

    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = CloudJson.mapper();
    private long statusCalls;

    private BaselineSide(String endpoint) {
        this.endpoint = endpoint;
    }

    static SideResult run(Simulator simulator, Workload work) throws IOException, InterruptedException {
        BaselineSide script = new BaselineSide(simulator.baseUrl());
        List<SideResult.Times> times = new ArrayList<>();
        int succeeded = 0;
        Phase phase = new Phase(simulator);
        try (phase) {
            for (Workload.Job job : work.jobs()) {
                SideResult.Times t = script.promote(simulator, job);
                times.add(t);
                succeeded += t.noticed() != null ? 1 : 0;
            }
        }
        return SideResult.of("baseline", phase, work.jobs().size(), succeeded, script.statusCalls, times);
    }

    /** One promotion; answers its times (noticed is null when it did not succeed). */
    private SideResult.Times promote(Simulator simulator, Workload.Job job) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        int offset = 0;
        while (true) {
            ListFactoryPendingItemsRequest page = new ListFactoryPendingItemsRequest(job.workspace(), null,
                    job.itemPrefix(), null, null, null, null, 100, offset);
            ListFactoryPendingItemsResponse items = call("GET", "/v2/" + DemoData.PROJECT_ID
                    + "/factory/pending-items?" + page.query(), job.workspace(), null,
                    ListFactoryPendingItemsResponse.class);
            items.data().stream().filter(i -> i.packageFlag() == null || i.packageFlag() == 0)
                    .map(PendingItem::pendingItemId).forEach(ids::add);
            offset += items.data().size();
            if (items.data().isEmpty() || offset >= items.total()) {
                break;
            }
        }
        CreateFactoryPendingItemsPackageResponse created = call("POST", "/v2/" + DemoData.PROJECT_ID
                + "/factory/pending-items/package", job.workspace(), new CreateFactoryPendingItemsPackageRequest(
                job.workspace(), DemoData.APPLY_USER_ID, job.packageName(), ids, List.of(DemoData.APPROVER_ID)),
                CreateFactoryPendingItemsPackageResponse.class);
        String id = created.releasePackageId();
        call("POST", "/v2/" + DemoData.PROJECT_ID + "/factory/release-packages/deploy", job.workspace(),
                new DeployFactoryPackagesRequest(job.workspace(), List.of(id), 0), String.class);
        Instant deployCalled = Instant.now();
        Integer status;
        while (true) {
            statusCalls++;
            status = call("GET", "/v2/" + DemoData.PROJECT_ID + "/factory/release-packages/" + id, job.workspace(),
                    null, ShowFactoryPackageDetailResponse.class).releasePackage().deployStatus();
            if (status == null || status != DeployStatus.BEING_RELEASED.code()) {
                break;
            }
            Thread.sleep(WAITER_INTERVAL_MS);
        }
        boolean ok = status != null && status == DeployStatus.SUCCESSFUL.code();
        while (true) {
            statusCalls++;
            ReleasePlanDeployInfo info = call("GET", "/v3/" + DemoData.PROJECT_ID + "/cas/release-plans/"
                    + job.releasePlanId() + "/deploy-info", null, null, ReleasePlanDeployInfo.class);
            if (info.components().stream().allMatch(c -> ComponentStatus.TERMINAL.contains(c.status()))) {
                ok &= info.components().stream().allMatch(c -> c.status().startsWith("SUCCE"));
                break;
            }
            Thread.sleep(WAITER_INTERVAL_MS);
        }
        Instant noticed = Instant.now();
        return new SideResult.Times(deployCalled, PipelineSide.providerDone(simulator, job, job.packageName()),
                ok ? noticed : null);
    }

    private <T> T call(String method, String pathAndQuery, String workspace, Object body, Class<T> type)
            throws IOException, InterruptedException {
        byte[] payload = body == null ? new byte[0] : json.writeValueAsBytes(body);
        while (true) {
            URI uri = URI.create(endpoint + pathAndQuery);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json;charset=UTF-8");
            headers.put("X-Project-Id", DemoData.PROJECT_ID);
            headers.put(AkSkSigner.DATE_HEADER, AkSkSigner.formatDate(Instant.now()));
            if (workspace != null) {
                headers.put("workspace", workspace);
            }
            String authorization = AkSkSigner.authorization(new AkSkSigner.SignableRequest(method,
                    uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), headers, payload),
                    DemoData.AK, DemoData.SK);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload));
            headers.forEach(request::header);
            request.header("Authorization", authorization);
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() == 429) {
                long seconds = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(seconds * 1000);
                continue;
            }
            if (answer.statusCode() / 100 != 2) {
                throw new IOException(method + " " + uri.getRawPath() + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return type == String.class ? type.cast(answer.body()) : json.readValue(answer.body(), type);
        }
    }
}
