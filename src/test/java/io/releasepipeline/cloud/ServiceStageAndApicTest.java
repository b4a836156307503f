package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Response;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo;
import io.releasepipeline.cloud.servicestage.ReleasePlanDeployInfo.ComponentDeployInfo;
import io.releasepipeline.cloud.servicestage.ShowReleasePlanDeployInfoRequest;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStageAndApicTest extends CloudRouteTestSupport {

    private ReleasePlanDeployInfo plan(String id) {
        return call("ShowReleasePlanDeployInfo", new ShowReleasePlanDeployInfoRequest(id), ReleasePlanDeployInfo.class);
    }

    private ListLiveDataApiDeploymentHistoryV2Response history() {
        return call("ListLiveDataApiDeploymentHistoryV2", new ListLiveDataApiDeploymentHistoryV2Request(
                DemoData.INSTANCE_ID, DemoData.LD_API_ID, 0, 10), ListLiveDataApiDeploymentHistoryV2Response.class);
    }

    @Test
    void releasePlanComponentsRunBatchByBatchAndAFinishedPlanAddsAnApicDeploy() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-ok", List.of("gateway", "orders"),
                List.of(DemoData.LD_API_ID));
        ReleasePlanDeployInfo first = plan("plan-ok");
        assertEquals(List.of("RUNNING", "CREATED"), first.components().stream().map(ComponentDeployInfo::status).toList());
        assertEquals("1", first.components().get(0).seq());
        Thread.sleep(350);
        assertEquals(List.of("SUCCESS", "RUNNING"), plan("plan-ok").components().stream()
                .map(ComponentDeployInfo::status).toList());
        Thread.sleep(350);
        ReleasePlanDeployInfo done = plan("plan-ok");
        assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), done.components().stream()
                .map(ComponentDeployInfo::jobStatus).toList());
        ListLiveDataApiDeploymentHistoryV2Response history = history();
        assertEquals(2L, history.total());
        assertTrue(history.histories().get(0).deployTime().compareTo("2020-09-28T11:01:09Z") > 0, "newest first");
    }

    @Test
    void failedComponentRecordsItsMessageRollsBackAndLaterBatchesAreAborted() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-fail", List.of("orders-fail", "billing"),
                List.of());
        plan("plan-fail");
        Thread.sleep(350);
        ComponentDeployInfo failing = plan("plan-fail").components().get(0);
        assertEquals("FAILED", failing.status());
        assertEquals("RUNNING", failing.rollbackJobStatus());
        assertNotNull(failing.failMessage());
        Thread.sleep(200);
        ReleasePlanDeployInfo after = plan("plan-fail");
        assertEquals("ROLLBACK_SUCCEED", after.components().get(0).status());
        assertEquals("SUCCEEDED", after.components().get(0).rollbackJobStatus());
        assertTrue(after.components().get(0).rollbackEndTime() > 0);
        assertEquals("ABORTED", after.components().get(1).status());
    }

    @Test
    void failedRollbackEndsRollbackFailedWithItsMessage() throws Exception {
        simulator().scenarios().addReleasePlan(DemoData.PROJECT_ID, "plan-rb", List.of("orders-rollback-fail"),
                List.of());
        plan("plan-rb");
        Thread.sleep(550);
        ComponentDeployInfo component = plan("plan-rb").components().get(0);
        assertEquals("ROLLBACK_FAILED", component.status());
        assertNotNull(component.rollbackFailMessage());
    }

    @Test
    void documentedReleasePlanIsServed() {
        ReleasePlanDeployInfo info = plan(DemoData.RELEASE_PLAN_ID);
        assertEquals(DemoData.RELEASE_PLAN_ID, info.id());
        assertEquals("sch", info.components().get(0).name());
        assertEquals("2024.0802.18390", info.components().get(0).version());
    }

    @Test
    void unknownReleasePlanIsNotFound() {
        assertEquals(ErrorCategory.NOT_FOUND,
                failure("ShowReleasePlanDeployInfo", new ShowReleasePlanDeployInfoRequest("no-such-plan")).getCategory());
    }

    @Test
    void apicErrorsAreClassifiedByTheirDocumentedCodes() {
        CloudApiException instance = failure("ListLiveDataApiDeploymentHistoryV2",
                new ListLiveDataApiDeploymentHistoryV2Request("unknown-instance", DemoData.LD_API_ID, 0, 10));
        assertEquals("APIG.2011", instance.getErrorCode());
        assertEquals(ErrorCategory.INVALID_REQUEST, instance.getCategory());
        CloudApiException api = failure("ListLiveDataApiDeploymentHistoryV2",
                new ListLiveDataApiDeploymentHistoryV2Request(DemoData.INSTANCE_ID, "unknown-api", 0, 10));
        assertEquals("APIG.3084", api.getErrorCode());
        assertEquals(404, api.getHttpStatus());
        assertEquals(ErrorCategory.NOT_FOUND, api.getCategory());
        simulator().faults().add(Fault.error("ListLiveDataApiDeploymentHistoryV2", 500, "APIG.9999", "System error")
                .times(1));
        assertEquals(ErrorCategory.TRANSIENT, failure("ListLiveDataApiDeploymentHistoryV2",
                new ListLiveDataApiDeploymentHistoryV2Request(DemoData.INSTANCE_ID, DemoData.LD_API_ID, 0, 10))
                .getCategory());
    }

    @Test
    void documentedHistoryIsReadWithItsBackendApiDefinition() {
        ListLiveDataApiDeploymentHistoryV2Response history = history();
        assertEquals(1, history.size());
        assertEquals("abbe44b56eda428d84172343674c9cd6", history.histories().get(0).id());
        assertEquals(4, history.histories().get(0).apiDefinition().status());
    }
}
