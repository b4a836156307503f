package io.releasepipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import com.huaweicloud.sdk.dataartsstudio.v1.DataArtsStudioClient;
import com.huaweicloud.sdk.dataartsstudio.v1.model.DeployFactoryPackagesRequest;
import com.huaweicloud.sdk.dataartsstudio.v1.model.DeployFactoryPackagesRequestBody;
import com.huaweicloud.sdk.dataartsstudio.v1.model.DeployFactoryPackagesResponse;
import com.huaweicloud.sdk.dataartsstudio.v1.model.DeployPackagesResponseDeployPackageDetails;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ListFactoryReleasePackagesRequest;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ListFactoryReleasePackagesResponse;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ListReleasePackagesRequestBody;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ListReleasePackagesRespData;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ListReleasePackagesRespPackageApprovers;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ShowFactoryPackageDetailRequest;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ShowFactoryPackageDetailResponse;
import com.huaweicloud.sdk.dataartsstudio.v1.model.ShowPackageDetailRespReleasePackage;
import com.huaweicloud.sdk.iam.v3.IamClient;
import com.huaweicloud.sdk.iam.v3.model.AuthScope;
import com.huaweicloud.sdk.iam.v3.model.AuthScopeProject;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordRequest;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordRequestBody;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordResponse;
import com.huaweicloud.sdk.iam.v3.model.PwdAuth;
import com.huaweicloud.sdk.iam.v3.model.PwdIdentity;
import com.huaweicloud.sdk.iam.v3.model.PwdPassword;
import com.huaweicloud.sdk.iam.v3.model.PwdPasswordUser;
import com.huaweicloud.sdk.iam.v3.model.PwdPasswordUserDomain;
import com.huaweicloud.sdk.roma.v2.RomaClient;
import com.huaweicloud.sdk.roma.v2.model.LdApiDeployHistoryInfo;
import com.huaweicloud.sdk.roma.v2.model.ListLiveDataApiDeploymentHistoryV2Request;
import com.huaweicloud.sdk.roma.v2.model.ListLiveDataApiDeploymentHistoryV2Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The provider's own Java SDK (3.1.143), unchanged, against the embedded simulator: its signer, its OkHttp transport
 * (chunked POST bodies, exact header names) and its strict JSON types must all be satisfied, as they are by the cloud.
 * Operations the SDK lacks go through its {@link HcClient} with a hand-written {@link HttpRequestDef}, so they too
 * are signed, sent and parsed by the SDK.
 *
 * <p>The tests share one simulator; creating and deploying a package changes the seeded workspace (a third package,
 * item 26 packed and later released), so that test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdkCompatibilityTest {

    private static final String EXAMPLE_PACKAGE_NAME = "sdk_compatibility_20231118143318";

    private static Simulator simulator;
    private static BasicCredentials credentials;
    private static HttpConfig httpConfig;
    private static DataArtsStudioClient dataArts;
    private static HcClient hc;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Simulator.start(0, SimulatorSettings.defaults().withRatePerSecond(0));
        credentials = new BasicCredentials().withAk(DemoData.AK).withSk(DemoData.SK).withProjectId(DemoData.PROJECT_ID);
        httpConfig = HttpConfig.getDefaultHttpConfig().withTimeout(10);
        dataArts = DataArtsStudioClient.newBuilder().withCredential(credentials)
                .withEndpoints(List.of(simulator.baseUrl())).withHttpConfig(httpConfig).build();
        hc = new HcClient(httpConfig).withEndpoints(List.of(simulator.baseUrl())).withCredential(credentials);
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @Order(1)
    void listFactoryReleasePackagesParsesBothSeededPackagesWithStatusesAndApprovers() {
        ListFactoryReleasePackagesResponse response = dataArts.listFactoryReleasePackages(
                new ListFactoryReleasePackagesRequest().withWorkspace(DemoData.WORKSPACE)
                        .withBody(new ListReleasePackagesRequestBody().withLimit(10).withOffset(0)));

        assertEquals(200, response.getHttpStatusCode());
        assertEquals(2, response.getTotal());
        Map<String, ListReleasePackagesRespData> byId = response.getData().stream()
                .collect(Collectors.toMap(ListReleasePackagesRespData::getPackageId, Function.identity()));
        assertEquals(Set.of("3", "4"), byId.keySet());
        assertEquals(2, byId.get("3").getDeployStatus());
        assertEquals(3, byId.get("4").getDeployStatus());
        assertEquals("aa_20231118143318", byId.get("3").getPackageName());
        assertEquals(1700288777664L, byId.get("3").getApplyTimestamp());
        assertEquals(1700289161361L, byId.get("3").getDeployTimestamp());
        for (ListReleasePackagesRespData pkg : response.getData()) {
            assertEquals(DemoData.WORKSPACE, pkg.getWorkspaceId());
            List<ListReleasePackagesRespPackageApprovers> approvers = pkg.getPackageApprovers();
            assertEquals(1, approvers.size(), "approvers of package " + pkg.getPackageId());
            assertEquals(DemoData.APPROVER_ID, approvers.get(0).getUserId());
            assertEquals(DemoData.IAM_USER, approvers.get(0).getUserName());
        }
    }

    @Test
    @Order(2)
    void showFactoryPackageDetailParsesTheSeededPackage() {
        ShowFactoryPackageDetailResponse response = dataArts.showFactoryPackageDetail(
                new ShowFactoryPackageDetailRequest().withPackageId("3").withWorkspace(DemoData.WORKSPACE));

        assertEquals(200, response.getHttpStatusCode());
        ShowPackageDetailRespReleasePackage pkg = response.getReleasePackage();
        assertNotNull(pkg);
        assertEquals("3", pkg.getPackageId());
        assertEquals("aa_20231118143318", pkg.getPackageName());
        assertEquals(2, pkg.getDeployStatus());
        assertEquals(DemoData.WORKSPACE, pkg.getWorkspaceId());
        assertEquals(DemoData.APPROVER_ID, pkg.getPackageApprovers().get(0).getUserId());
        assertNotNull(response.getTaskDetails());
    }

    @Test
    @Order(3)
    void listFactoryPendingItemsThroughTheSdkTransportFindsItem26() {
        PendingItemsRequest request = new PendingItemsRequest();
        request.setWorkspace(DemoData.WORKSPACE);
        request.setLimit(10);
        request.setOffset(0);

        PendingItemsResponse response = hc.syncInvokeHttp(request, LIST_PENDING_ITEMS);

        assertEquals(200, response.getHttpStatusCode());
        assertTrue(response.total >= 1);
        PendingItem item = response.data.stream().filter(i -> "26".equals(i.pendingItemId)).findFirst()
                .orElseThrow(() -> new AssertionError("pending item 26 missing from " + response.data.size() + " items"));
        assertEquals("job_0948", item.itemName);
        assertEquals(1747106460444L, item.submitTimestamp);
        assertEquals(0, item.packageFlag);
        assertEquals(DemoData.APPLY_USER_ID, item.submitUserId);
    }

    @Test
    @Order(4)
    void unknownPackageDeployIsAClientRequestExceptionWithDlf0810AndARequestId() {
        ClientRequestException e = assertThrows(ClientRequestException.class, () -> dataArts.deployFactoryPackages(
                new DeployFactoryPackagesRequest().withWorkspace(DemoData.WORKSPACE)
                        .withBody(new DeployFactoryPackagesRequestBody().withPackageIds(List.of("999999"))
                                .withStartupMode(0))));

        assertEquals(400, e.getHttpStatusCode());
        assertEquals("DLF.0810", e.getErrorCode());
        assertNotNull(e.getErrorMsg());
        assertNotNull(e.getRequestId());
        assertEquals(0, simulator.world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, "999999"));
    }

    @Test
    @Order(5)
    void romaListLiveDataApiDeploymentHistoryParsesDeployTimeAndApiDefinition() {
        RomaClient roma = RomaClient.newBuilder().withCredential(credentials)
                .withEndpoints(List.of(simulator.baseUrl())).withHttpConfig(httpConfig).build();

        ListLiveDataApiDeploymentHistoryV2Response response = roma.listLiveDataApiDeploymentHistoryV2(
                new ListLiveDataApiDeploymentHistoryV2Request().withInstanceId(DemoData.INSTANCE_ID)
                        .withLdApiId(DemoData.LD_API_ID));

        assertEquals(200, response.getHttpStatusCode());
        assertFalse(response.getHistories().isEmpty());
        assertEquals(response.getHistories().size(), response.getSize());
        LdApiDeployHistoryInfo seeded = response.getHistories().stream()
                .filter(h -> "abbe44b56eda428d84172343674c9cd6".equals(h.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("seeded history missing"));
        assertEquals(OffsetDateTime.of(2020, 9, 28, 11, 1, 9, 0, ZoneOffset.UTC), seeded.getDeployTime());
        assertEquals(DemoData.LD_API_ID, seeded.getLdApiId());
        assertNotNull(seeded.getApiDefinition());
        assertEquals(DemoData.LD_API_ID, seeded.getApiDefinition().getId());
        assertEquals("ads_supplier_inventory", seeded.getApiDefinition().getName());
        assertEquals("/ads/supplier/inventory", seeded.getApiDefinition().getPath());
        assertEquals("GET", seeded.getApiDefinition().getMethod().getValue());
        assertEquals(4, seeded.getApiDefinition().getStatus().getValue());
    }

    @Test
    @Order(6)
    void serviceStageReleasePlanDeployInfoThroughTheSdkTransportHasComponentSch() {
        ReleasePlanRequest request = new ReleasePlanRequest();
        request.setReleasePlanId(DemoData.RELEASE_PLAN_ID);

        ReleasePlanDeployInfo response = hc.syncInvokeHttp(request, SHOW_RELEASE_PLAN_DEPLOY_INFO);

        assertEquals(200, response.getHttpStatusCode());
        assertEquals(DemoData.RELEASE_PLAN_ID, response.id);
        assertEquals(1, response.components.size());
        ReleasePlanComponent sch = response.components.get(0);
        assertEquals("sch", sch.name);
        assertEquals("df49e875-000c-4d69-8f45-c4f384549e1b", sch.id);
        assertEquals("2024.0802.18390", sch.version);
        assertEquals("JOB6999c66d-cb39-4c46-9f98-893b704300e0", sch.jobId);
        assertNotNull(sch.status);
    }

    @Test
    @Order(7)
    void iamPasswordTokenFromTheSdkAuthorizesADataArtsCall() throws Exception {
        IamClient iam = IamClient.newBuilder()
                .withCredential(new GlobalCredentials().withAk(DemoData.AK).withSk(DemoData.SK))
                .withEndpoints(List.of(simulator.baseUrl())).withHttpConfig(httpConfig).build();

        KeystoneCreateUserTokenByPasswordResponse response = iam.keystoneCreateUserTokenByPassword(
                new KeystoneCreateUserTokenByPasswordRequest().withBody(new KeystoneCreateUserTokenByPasswordRequestBody()
                        .withAuth(new PwdAuth()
                                .withIdentity(new PwdIdentity().withMethods(List.of(PwdIdentity.MethodsEnum.PASSWORD))
                                        .withPassword(new PwdPassword().withUser(new PwdPasswordUser()
                                                .withName(DemoData.IAM_USER).withPassword(DemoData.IAM_PASSWORD)
                                                .withDomain(new PwdPasswordUserDomain().withName(DemoData.IAM_DOMAIN)))))
                                .withScope(new AuthScope().withProject(new AuthScopeProject()
                                        .withId(DemoData.PROJECT_ID))))));

        assertEquals(201, response.getHttpStatusCode());
        String token = response.getXSubjectToken();
        assertNotNull(token, "X-Subject-Token header not read by the SDK");
        assertFalse(token.isEmpty());
        assertNotNull(response.getToken());
        assertNotNull(response.getToken().getExpiresAt());
        assertTrue(OffsetDateTime.parse(response.getToken().getExpiresAt()).isAfter(OffsetDateTime.now()));
        assertEquals(DemoData.PROJECT_ID, response.getToken().getProject().getId());

        // the token alone, with no AK/SK signature, opens DataArts
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/" + DemoData.PROJECT_ID
                                + "/factory/release-packages"))
                        .header("X-Auth-Token", token)
                        .header("workspace", DemoData.WORKSPACE)
                        .header("Content-Type", "application/json;charset=UTF-8")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"limit\":10,\"offset\":0}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertTrue(body.path("total").asInt() >= 2);
        assertTrue(body.path("data").isArray());
    }

    @Test
    @Order(8)
    void aWrongSecretKeyIsRejectedWith401Apig0301() {
        DataArtsStudioClient wrongSk = DataArtsStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(DemoData.AK).withSk(DemoData.SK + "x")
                        .withProjectId(DemoData.PROJECT_ID))
                .withEndpoints(List.of(simulator.baseUrl())).withHttpConfig(httpConfig).build();

        ClientRequestException e = assertThrows(ClientRequestException.class, () -> wrongSk.listFactoryReleasePackages(
                new ListFactoryReleasePackagesRequest().withWorkspace(DemoData.WORKSPACE)
                        .withBody(new ListReleasePackagesRequestBody().withLimit(10).withOffset(0))));

        assertEquals(401, e.getHttpStatusCode());
        assertEquals("APIG.0301", e.getErrorCode());
        assertNotNull(e.getRequestId());
        assertFalse(e.getErrorMsg().contains(DemoData.SK), "the error must not echo the secret key");
    }

    @Test
    @Order(9)
    void documentedPendingItemsPackageIsCreatedThenDeployedExactlyOnce() {
        PackageRequest create = new PackageRequest();
        create.setWorkspace(DemoData.WORKSPACE);
        create.setBody(new PackageBody(DemoData.APPLY_USER_ID, EXAMPLE_PACKAGE_NAME, List.of("26"),
                List.of(DemoData.APPROVER_ID)));

        PackageResponse created = hc.syncInvokeHttp(create, CREATE_PENDING_ITEMS_PACKAGE);

        assertEquals(200, created.getHttpStatusCode());
        assertEquals(EXAMPLE_PACKAGE_NAME, created.packageName);
        String packageId = created.releasePackageId;
        assertNotNull(packageId);
        assertFalse(packageId.isEmpty());

        DeployFactoryPackagesResponse deployed = dataArts.deployFactoryPackages(new DeployFactoryPackagesRequest()
                .withWorkspace(DemoData.WORKSPACE)
                .withBody(new DeployFactoryPackagesRequestBody().withPackageIds(List.of(packageId)).withStartupMode(0)));

        assertEquals(200, deployed.getHttpStatusCode());
        List<DeployPackagesResponseDeployPackageDetails> details = deployed.getDeployPackageDetails();
        assertEquals(1, details.size());
        assertEquals(Long.valueOf(packageId), details.get(0).getPackageId());
        assertNotNull(details.get(0).getAsyTaskId());
        assertEquals(1, simulator.world().deploys(DemoData.PROJECT_ID, DemoData.WORKSPACE, packageId));
    }

    // ---- operations missing from SDK 3.1.143, described the way the SDK's *Meta classes describe its own ----

    /** DataArts ListFactoryPendingItems: GET /v2/{project_id}/factory/pending-items. */
    private static final HttpRequestDef<PendingItemsRequest, PendingItemsResponse> LIST_PENDING_ITEMS =
            HttpRequestDef.builder(HttpMethod.GET, PendingItemsRequest.class, PendingItemsResponse.class)
                    .withName("ListFactoryPendingItems")
                    .withUri("/v2/{project_id}/factory/pending-items")
                    .withContentType("application/json")
                    .<String>withRequestField("workspace", LocationType.Header, FieldExistence.NULL_IGNORE,
                            String.class, f -> f.withMarshaller(PendingItemsRequest::getWorkspace,
                                    PendingItemsRequest::setWorkspace))
                    .<Integer>withRequestField("limit", LocationType.Query, FieldExistence.NULL_IGNORE,
                            Integer.class, f -> f.withMarshaller(PendingItemsRequest::getLimit,
                                    PendingItemsRequest::setLimit))
                    .<Integer>withRequestField("offset", LocationType.Query, FieldExistence.NULL_IGNORE,
                            Integer.class, f -> f.withMarshaller(PendingItemsRequest::getOffset,
                                    PendingItemsRequest::setOffset))
                    .build();

    /** DataArts CreateFactoryPendingItemsPackage: POST /v2/{project_id}/factory/pending-items/package. */
    private static final HttpRequestDef<PackageRequest, PackageResponse> CREATE_PENDING_ITEMS_PACKAGE =
            HttpRequestDef.builder(HttpMethod.POST, PackageRequest.class, PackageResponse.class)
                    .withName("CreateFactoryPendingItemsPackage")
                    .withUri("/v2/{project_id}/factory/pending-items/package")
                    .withContentType("application/json;charset=UTF-8")
                    .<String>withRequestField("workspace", LocationType.Header, FieldExistence.NULL_IGNORE,
                            String.class, f -> f.withMarshaller(PackageRequest::getWorkspace,
                                    PackageRequest::setWorkspace))
                    .<PackageBody>withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY,
                            PackageBody.class, f -> f.withMarshaller(PackageRequest::getBody, PackageRequest::setBody))
                    .build();

    /** ServiceStage (old release management): GET /v3/{project_id}/cas/release-plans/{release_plan_id}/deploy-info. */
    private static final HttpRequestDef<ReleasePlanRequest, ReleasePlanDeployInfo> SHOW_RELEASE_PLAN_DEPLOY_INFO =
            HttpRequestDef.builder(HttpMethod.GET, ReleasePlanRequest.class, ReleasePlanDeployInfo.class)
                    .withName("ShowReleasePlanDeployInfo")
                    .withUri("/v3/{project_id}/cas/release-plans/{release_plan_id}/deploy-info")
                    .withContentType("application/json")
                    .<String>withRequestField("release_plan_id", LocationType.Path,
                            FieldExistence.NON_NULL_NON_EMPTY, String.class,
                            f -> f.withMarshaller(ReleasePlanRequest::getReleasePlanId,
                                    ReleasePlanRequest::setReleasePlanId))
                    .build();

    public static class PendingItemsRequest {
        private String workspace;
        private Integer limit;
        private Integer offset;

        public String getWorkspace() {
            return workspace;
        }

        public void setWorkspace(String workspace) {
            this.workspace = workspace;
        }

        public Integer getLimit() {
            return limit;
        }

        public void setLimit(Integer limit) {
            this.limit = limit;
        }

        public Integer getOffset() {
            return offset;
        }

        public void setOffset(Integer offset) {
            this.offset = offset;
        }
    }

    /** Field types as ADJACENT.md and the later SDK's ListFactoryPendingItemsRespData give them. */
    public static class PendingItem {
        @JsonProperty("pending_item_id")
        public String pendingItemId;
        @JsonProperty("item_name")
        public String itemName;
        @JsonProperty("task_id")
        public String taskId;
        @JsonProperty("task_type")
        public Integer taskType;
        @JsonProperty("pending_version")
        public Integer pendingVersion;
        @JsonProperty("deployed_version")
        public Integer deployedVersion;
        @JsonProperty("package_flag")
        public Integer packageFlag;
        @JsonProperty("project_id")
        public String projectId;
        @JsonProperty("submit_timestamp")
        public Long submitTimestamp;
        @JsonProperty("submit_user_id")
        public String submitUserId;
        @JsonProperty("submit_user_name")
        public String submitUserName;
    }

    public static class PendingItemsResponse extends SdkResponse {
        @JsonProperty("data")
        public List<PendingItem> data;
        @JsonProperty("total")
        public Integer total;
    }

    public static class PackageBody {
        @JsonProperty("apply_user_id")
        private String applyUserId;
        @JsonProperty("package_name")
        private String packageName;
        @JsonProperty("pending_item_list")
        private List<String> pendingItemList;
        @JsonProperty("approver_ids")
        private List<String> approverIds;

        public PackageBody() {
        }

        PackageBody(String applyUserId, String packageName, List<String> pendingItemList, List<String> approverIds) {
            this.applyUserId = applyUserId;
            this.packageName = packageName;
            this.pendingItemList = pendingItemList;
            this.approverIds = approverIds;
        }

        public String getApplyUserId() {
            return applyUserId;
        }

        public String getPackageName() {
            return packageName;
        }

        public List<String> getPendingItemList() {
            return pendingItemList;
        }

        public List<String> getApproverIds() {
            return approverIds;
        }
    }

    public static class PackageRequest {
        private String workspace;
        private PackageBody body;

        public String getWorkspace() {
            return workspace;
        }

        public void setWorkspace(String workspace) {
            this.workspace = workspace;
        }

        public PackageBody getBody() {
            return body;
        }

        public void setBody(PackageBody body) {
            this.body = body;
        }
    }

    public static class PackageResponse extends SdkResponse {
        @JsonProperty("package_name")
        public String packageName;
        @JsonProperty("release_package_id")
        public String releasePackageId;
    }

    public static class ReleasePlanRequest {
        private String releasePlanId;

        public String getReleasePlanId() {
            return releasePlanId;
        }

        public void setReleasePlanId(String releasePlanId) {
            this.releasePlanId = releasePlanId;
        }
    }

    /** Only the fields whose type page 003's table and its example agree on. */
    public static class ReleasePlanComponent {
        @JsonProperty("id")
        public String id;
        @JsonProperty("name")
        public String name;
        @JsonProperty("version")
        public String version;
        @JsonProperty("job_id")
        public String jobId;
        @JsonProperty("status")
        public String status;
        @JsonProperty("job_status")
        public String jobStatus;
    }

    public static class ReleasePlanDeployInfo extends SdkResponse {
        @JsonProperty("id")
        public String id;
        @JsonProperty("components")
        public List<ReleasePlanComponent> components;
    }
}
