package io.releasepipeline.cli;

import io.releasepipeline.cloud.CloudApiException;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Response;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsResponse;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.cloud.dataarts.PendingItem;
import io.releasepipeline.cloud.dataarts.DeployStatus;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailRequest;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailResponse;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo;
import io.releasepipeline.cloud.servicestage.ShowReleasePlanDeployInfoRequest;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.promotion.PromotionJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * {@code validate}: starts the runtime (which checks the configuration) and calls every provider operation once,
 * one line per call. Against the embedded simulator it also creates a package from a pending item, deploys it and
 * waits for the outcome; against real endpoints it only reads.
 */
final class ValidateCommand {

    private static final String HELP = """
            Usage: java -jar release-pipeline.jar validate [--json]

            Checks application.properties and the credentials, then calls every provider operation once and
            prints one line per call. Read-only against real endpoints; against the embedded simulator it also
            creates and deploys a package. Exit 0 when every call succeeded, 1 otherwise, 2 on bad configuration.
            Keys: validate.release-plan-id, validate.instance-id, validate.ld-api-id (empty: skipped).
            --json prints one JSON document instead: endpoints, each check (result ok, FAIL or skip, detail,
            milliseconds) and ok.
            """;

    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Integer stop = Main.helpOrOnlyJson("validate", HELP, args, out, err);
        if (stop != null) {
            return stop;
        }
        boolean json = Main.wantsJson(args);
        return Runtime.withOnePass(err, null, context -> new Run(context, out, json).all() ? Main.OK : Main.FAILED);
    }

    private static final class Run {
        private final CamelContext context;
        private final ProducerTemplate producer;
        private final PrintStream out;
        private final boolean json;
        private final List<Map<String, Object>> checks = new ArrayList<>();
        private boolean allOk = true;

        Run(CamelContext context, PrintStream out, boolean json) {
            this.context = context;
            this.producer = context.createProducerTemplate();
            this.out = out;
            this.json = json;
        }

        /** One check: a line, or (with --json) an entry of the document printed at the end. */
        private void report(String result, String check, String detail, Long millis) {
            if (json) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("check", check);
                entry.put("result", result);
                entry.put("detail", detail);
                entry.put("ms", millis);
                checks.add(entry);
            } else if (result.equals("skip")) {
                out.println("skip " + check + " (" + detail + ")");
            } else {
                out.printf("%-4s %-36s %s%s%n", result, check, detail, millis == null ? "" : " (" + millis + " ms)");
            }
        }

        boolean all() {
            boolean sandbox = context.getRegistry().lookupByName("simulator") != null;
            String workspace = property("cloud.workspace");
            String endpoints = property("cloud.dataarts.endpoint") + (sandbox ? " (embedded simulator)" : "")
                    + ", project " + property("cloud.project-id") + ", auth " + property("cloud.auth");
            if (!json) {
                out.println("Endpoints: " + endpoints);
            }
            ListFactoryPendingItemsResponse pending = call("ListFactoryPendingItems",
                    ListFactoryPendingItemsRequest.page(workspace, 10, 0), ListFactoryPendingItemsResponse.class,
                    r -> "total=" + r.total());
            ListFactoryReleasePackagesResponse packages = call("ListFactoryReleasePackages",
                    ListFactoryReleasePackagesRequest.page(workspace, null, 10, 0),
                    ListFactoryReleasePackagesResponse.class, r -> "total=" + r.total());
            if (packages != null && !packages.data().isEmpty()) {
                String id = packages.data().get(0).packageId();
                call("ShowFactoryPackageDetail", new ShowFactoryPackageDetailRequest(workspace, id),
                        ShowFactoryPackageDetailResponse.class,
                        r -> "package " + id + " deploy_status=" + r.releasePackage().deployStatus());
            }
            if (sandbox && pending != null) {
                createAndDeploy(workspace, pending.data());
            } else {
                report("skip", "CreateFactoryPendingItemsPackage, DeployFactoryPackages", "real endpoints: read-only",
                        null);
            }
            String plan = property("validate.release-plan-id");
            if (!plan.isBlank()) {
                call("ShowReleasePlanDeployInfo", new ShowReleasePlanDeployInfoRequest(plan),
                        ReleasePlanDeployInfo.class, r -> r.components().size() + " component(s)");
            }
            String instance = property("validate.instance-id");
            String api = property("validate.ld-api-id");
            if (!instance.isBlank() && !api.isBlank()) {
                call("ListLiveDataApiDeploymentHistoryV2",
                        new ListLiveDataApiDeploymentHistoryV2Request(instance, api, 0, 10),
                        ListLiveDataApiDeploymentHistoryV2Response.class, r -> "total=" + r.total());
            }
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("endpoints", endpoints);
                document.put("checks", checks);
                document.put("ok", allOk);
                out.println(PromotionJson.write(document));
            } else {
                out.println(allOk ? "All calls succeeded." : "Some calls failed: see the lines above.");
            }
            return allOk;
        }

        private void createAndDeploy(String workspace, List<PendingItem> items) {
            PendingItem item = items.stream().filter(i -> i.packageFlag() == 0).findFirst().orElse(null);
            if (item == null) {
                report("skip", "CreateFactoryPendingItemsPackage", "no pending item outside a package", null);
                return;
            }
            CreateFactoryPendingItemsPackageResponse created = call("CreateFactoryPendingItemsPackage",
                    new CreateFactoryPendingItemsPackageRequest(workspace, item.submitUserId(),
                            item.itemName() + "_validate_" + System.currentTimeMillis(),
                            List.of(item.pendingItemId()), List.of(DemoData.APPROVER_ID)),
                    CreateFactoryPendingItemsPackageResponse.class, r -> "release_package_id=" + r.releasePackageId());
            if (created == null) {
                return;
            }
            String id = created.releasePackageId();
            call("DeployFactoryPackages", new DeployFactoryPackagesRequest(workspace, List.of(id), 0), Object.class,
                    r -> "package " + id + " deploying");
            Integer status = DeployStatus.BEING_RELEASED.code();
            long deadline = System.currentTimeMillis() + 60_000;
            while (status != null && status == DeployStatus.BEING_RELEASED.code() && System.currentTimeMillis() < deadline) {
                sleep(500);
                ShowFactoryPackageDetailResponse detail = quietly(new ShowFactoryPackageDetailRequest(workspace, id));
                status = detail == null ? null : detail.releasePackage().deployStatus();
            }
            boolean released = status != null && status == DeployStatus.SUCCESSFUL.code();
            allOk &= released;
            report(released ? "ok" : "FAIL", "deploy outcome", "package " + id + " ended with deploy_status=" + status,
                    null);
        }

        private ShowFactoryPackageDetailResponse quietly(ShowFactoryPackageDetailRequest request) {
            try {
                return producer.requestBody("direct:ShowFactoryPackageDetail", request,
                        ShowFactoryPackageDetailResponse.class);
            } catch (CamelExecutionException e) {
                return null;
            }
        }

        private <T> T call(String operation, Object request, Class<T> type, Function<T, String> summary) {
            long start = System.nanoTime();
            try {
                T answer = producer.requestBody("direct:" + operation, request, type);
                report("ok", operation, summary.apply(answer), (System.nanoTime() - start) / 1_000_000);
                return answer;
            } catch (CamelExecutionException e) {
                allOk = false;
                String why = e.getCause() instanceof CloudApiException failure ? failure.getMessage()
                        : Runtime.reason(e.getCause());
                report("FAIL", operation, why, null);
                return null;
            }
        }

        private String property(String key) {
            return context.getPropertiesComponent().resolveProperty(key).orElse("");
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
