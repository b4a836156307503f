package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageRequest;
import io.releasepipeline.cloud.dataarts.CreateFactoryPendingItemsPackageResponse;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesRequest;
import io.releasepipeline.cloud.dataarts.DeployStatus;
import io.releasepipeline.cloud.dataarts.DeployFactoryPackagesResponse;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryPendingItemsResponse;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.cloud.dataarts.ReleasePackage;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailRequest;
import io.releasepipeline.cloud.dataarts.ShowFactoryPackageDetailResponse;
import io.releasepipeline.simulator.DemoData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataArtsOperationsTest extends CloudRouteTestSupport {

    private static final String WS = DemoData.WORKSPACE;

    private String newPackage(String name, int items) {
        List<String> ids = simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, WS,
                IntStream.range(0, items).mapToObj(i -> name + "_item" + i).toList());
        return call("CreateFactoryPendingItemsPackage", new CreateFactoryPendingItemsPackageRequest(WS,
                DemoData.APPLY_USER_ID, name, ids, List.of(DemoData.APPROVER_ID)),
                CreateFactoryPendingItemsPackageResponse.class).releasePackageId();
    }

    private int deployStatus(String packageId) {
        return call("ShowFactoryPackageDetail", new ShowFactoryPackageDetailRequest(WS, packageId),
                ShowFactoryPackageDetailResponse.class).releasePackage().deployStatus();
    }

    @Test
    void listsTheDocumentedReleasePackagesWithTheirTypes() {
        ListFactoryReleasePackagesResponse page = call("ListFactoryReleasePackages",
                ListFactoryReleasePackagesRequest.page(WS, null, 10, 0), ListFactoryReleasePackagesResponse.class);
        assertEquals(2, page.total());
        ReleasePackage four = page.data().get(0);
        assertEquals("4", four.packageId());
        assertEquals(3, four.deployStatus());
        assertEquals(1700288912934L, four.applyTimestamp());
        assertEquals(DemoData.PROJECT_ID + "-workspace-" + WS, four.projectId());
        assertEquals("ei_dlf_l00341563", four.packageApprovers().get(0).userName());
    }

    @Test
    void pagesThroughEveryPackageWithLimitAndOffset() {
        for (int i = 0; i < 7; i++) {
            newPackage("paging_" + i, 1);
        }
        List<String> seen = new ArrayList<>();
        int total;
        int offset = 0;
        do {
            ListFactoryReleasePackagesResponse page = call("ListFactoryReleasePackages",
                    ListFactoryReleasePackagesRequest.page(WS, null, 3, offset), ListFactoryReleasePackagesResponse.class);
            total = page.total();
            page.data().forEach(p -> seen.add(p.packageId()));
            offset += 3;
        } while (offset < total);
        assertEquals(9, total);
        assertEquals(9, seen.size());
        assertEquals(9, seen.stream().distinct().count(), "no package twice across pages");
    }

    @Test
    void filtersByDeployStatusKeywordAndOrder() {
        ListFactoryReleasePackagesResponse failed = call("ListFactoryReleasePackages",
                ListFactoryReleasePackagesRequest.page(WS, List.of(3), 10, 0), ListFactoryReleasePackagesResponse.class);
        assertEquals(List.of("4"), failed.data().stream().map(ReleasePackage::packageId).toList());
        ListFactoryReleasePackagesResponse byName = call("ListFactoryReleasePackages",
                new ListFactoryReleasePackagesRequest(WS, "aa_", null, null, null, null, null, null, null, null, null,
                        "asc", "package_name", 10, 0), ListFactoryReleasePackagesResponse.class);
        assertEquals(List.of("3"), byName.data().stream().map(ReleasePackage::packageId).toList());
        ListFactoryReleasePackagesResponse ascending = call("ListFactoryReleasePackages",
                new ListFactoryReleasePackagesRequest(WS, null, null, null, null, null, null, null, null, null, null,
                        "asc", "apply_timestamp", 10, 0), ListFactoryReleasePackagesResponse.class);
        assertEquals(List.of("3", "4"), ascending.data().stream().map(ReleasePackage::packageId).toList());
        ListFactoryReleasePackagesResponse window = call("ListFactoryReleasePackages",
                new ListFactoryReleasePackagesRequest(WS, null, null, null, 1700288800000L, 1700289000000L, null, null,
                        null, null, null, null, null, 10, 0), ListFactoryReleasePackagesResponse.class);
        assertEquals(List.of("4"), window.data().stream().map(ReleasePackage::packageId).toList());
    }

    @Test
    void listsPendingItemsPageByPageWithFilters() {
        simulator().scenarios().addPendingItems(DemoData.PROJECT_ID, WS, List.of("orders_a", "orders_b", "billing_c"));
        ListFactoryPendingItemsResponse all = call("ListFactoryPendingItems",
                ListFactoryPendingItemsRequest.page(WS, 2, 0), ListFactoryPendingItemsResponse.class);
        assertEquals(4, all.total());
        assertEquals(2, all.data().size());
        ListFactoryPendingItemsResponse orders = call("ListFactoryPendingItems",
                new ListFactoryPendingItemsRequest(WS, "dlf_developer", "orders", null, 1, null, null, 10, 0),
                ListFactoryPendingItemsResponse.class);
        assertEquals(2, orders.total());
        assertEquals("26", call("ListFactoryPendingItems", ListFactoryPendingItemsRequest.page(WS, 10, 0),
                ListFactoryPendingItemsResponse.class).data().get(0).pendingItemId());
    }

    @Test
    void createdPackageIsReleasedAsynchronouslyThroughBeingReleasedToSuccessful() throws Exception {
        String id = newPackage("lifecycle_ok", 2);
        assertEquals(DeployStatus.TO_BE_REVIEWED.code(), deployStatus(id));
        DeployFactoryPackagesResponse deployed = call("DeployFactoryPackages",
                new DeployFactoryPackagesRequest(WS, List.of(id), 0), DeployFactoryPackagesResponse.class);
        assertEquals(id, deployed.deployPackageDetails().get(0).packageId());
        assertNotNull(deployed.deployPackageDetails().get(0).asyTaskId());
        assertEquals(DeployStatus.BEING_RELEASED.code(), deployStatus(id));
        Thread.sleep(600);
        assertEquals(DeployStatus.SUCCESSFUL.code(), deployStatus(id));
        assertEquals(1, simulator().world().deploys(DemoData.PROJECT_ID, WS, id));
    }

    @Test
    void packageMatchingTheFailurePatternEndsFailed() throws Exception {
        String id = newPackage("orders_fail_20260101", 1);
        call("DeployFactoryPackages", new DeployFactoryPackagesRequest(WS, List.of(id), 1), Object.class);
        Thread.sleep(600);
        assertEquals(DeployStatus.FAILED.code(), deployStatus(id));
    }

    @Test
    void deployOfAnUnknownPackageIsNotFoundThoughTheStatusIs400() {
        CloudApiException e = failure("DeployFactoryPackages", new DeployFactoryPackagesRequest(WS, List.of("999"), 0));
        assertEquals(400, e.getHttpStatus());
        assertEquals("DLF.0810", e.getErrorCode());
        assertEquals(ErrorCategory.NOT_FOUND, e.getCategory());
        assertEquals("DataArts", e.getService());
        assertEquals("DeployFactoryPackages", e.getOperation());
        assertNotNull(e.getRequestId());
    }

    @Test
    void deployOfNoneOrMoreThan100PackagesIsAnInvalidRequest() {
        CloudApiException empty = failure("DeployFactoryPackages", new DeployFactoryPackagesRequest(WS, List.of(), 0));
        assertEquals("DLF.3051", empty.getErrorCode());
        assertEquals(ErrorCategory.INVALID_REQUEST, empty.getCategory());
        CloudApiException tooMany = failure("DeployFactoryPackages",
                new DeployFactoryPackagesRequest(WS, Collections.nCopies(101, "3"), 0));
        assertEquals("DLF.3051", tooMany.getErrorCode());
        assertTrue(tooMany.getErrorMsg().contains("package_ids"), tooMany.getErrorMsg());
    }

    @Test
    void createWithoutPendingItemsOrOfUnknownItemsIsRefused() {
        CloudApiException noItems = failure("CreateFactoryPendingItemsPackage",
                new CreateFactoryPendingItemsPackageRequest(WS, DemoData.APPLY_USER_ID, "empty", List.of(),
                        List.of(DemoData.APPROVER_ID)));
        assertEquals(ErrorCategory.INVALID_REQUEST, noItems.getCategory());
        assertTrue(noItems.getErrorMsg().contains("pending_item_list"), noItems.getErrorMsg());
        CloudApiException unknown = failure("CreateFactoryPendingItemsPackage",
                new CreateFactoryPendingItemsPackageRequest(WS, DemoData.APPLY_USER_ID, "ghost", List.of("424242"),
                        List.of(DemoData.APPROVER_ID)));
        assertEquals("DLF.0810", unknown.getErrorCode());
        assertEquals(0, simulator().world().packagesCreated(), "nothing was created");
    }

    @Test
    void createInAnUnknownWorkspaceIsRefusedNamingTheWorkspace() {
        CloudApiException e = failure("CreateFactoryPendingItemsPackage",
                new CreateFactoryPendingItemsPackageRequest("no-such-workspace", DemoData.APPLY_USER_ID, "x",
                        List.of("26"), List.of(DemoData.APPROVER_ID)));
        assertEquals("DLF.3051", e.getErrorCode());
        assertTrue(e.getErrorMsg().contains("workspace"), e.getErrorMsg());
    }
}
