package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Request;
import io.releasepipeline.cloud.apic.ListLiveDataApiDeploymentHistoryV2Response;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Fault;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every fault the simulator injects ends as one CloudApiException in the right category. */
class FaultClassificationTest extends CloudRouteTestSupport {

    private static final String LIST = "ListFactoryReleasePackages";
    private static final Object LIST_REQUEST = ListFactoryReleasePackagesRequest.page(DemoData.WORKSPACE, null, 10, 0);

    static Stream<Arguments> gatewayAndServiceErrors() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        return Stream.of(
                Arguments.of(Fault.error(LIST, 500, "APIG.9999", "System error"), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.body(LIST, 500, "", false), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.error(LIST, 502, "APIG.0203", "Backend unavailable"), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.body(LIST, 502, html, false), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.error(LIST, 503, "APIG.0202", "Backend unavailable"), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.body(LIST, 503, "", true), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.error(LIST, 504, "APIG.0201", "Backend timeout"), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.body(LIST, 504, "", false), ErrorCategory.TRANSIENT),
                Arguments.of(Fault.error(LIST, 429, "APIG.0308", "The throttling threshold has been reached"),
                        ErrorCategory.THROTTLED),
                Arguments.of(Fault.error(LIST, 401, "APIG.1002", "Incorrect token or token resolution failed"),
                        ErrorCategory.AUTH),
                Arguments.of(Fault.error(LIST, 403, "APIG.1005", "No permissions to request this method"),
                        ErrorCategory.FORBIDDEN),
                Arguments.of(Fault.error(LIST, 404, "APIG.0101", "The API does not exist"), ErrorCategory.NOT_FOUND),
                Arguments.of(Fault.error(LIST, 400, "DLF.3051", "The request parameter is invalid."),
                        ErrorCategory.INVALID_REQUEST),
                Arguments.of(Fault.error(LIST, 400, "DLF.0810", "Task does not exist."), ErrorCategory.NOT_FOUND),
                Arguments.of(Fault.error(LIST, 418, "DLF.9999", "Something new"), ErrorCategory.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("gatewayAndServiceErrors")
    void errorAnswerIsClassified(Fault fault, ErrorCategory expected) {
        simulator().faults().add(fault.times(1));
        CloudApiException e = failure(LIST, LIST_REQUEST);
        assertEquals(expected, e.getCategory());
        assertEquals(fault.status(), e.getHttpStatus());
        assertEquals(fault.errorCode(), e.getErrorCode());
        assertFalse(e.isAmbiguous(), "an error answer says the call did not take effect");
        if (fault.body() != null && !fault.body().isEmpty()) {
            assertEquals(fault.body(), e.getRawBody(), "a non-JSON body is kept raw");
        }
        assertNotNull(e.getRequestId(), "X-Request-Id is carried");
    }

    @Test
    void throttlingCarriesRetryAfter() {
        simulator().faults().add(Fault.error(LIST, 429, "APIG.0308", "over ratelimit").retryAfter("2").times(1));
        CloudApiException e = failure(LIST, LIST_REQUEST);
        assertEquals(ErrorCategory.THROTTLED, e.getCategory());
        assertEquals("2", e.getRetryAfter());
    }

    @Test
    void readTimeoutIsTransientAndAmbiguous() {
        simulator().faults().add(Fault.hang(LIST, 2500).times(1));
        CloudApiException e = failure(LIST, LIST_REQUEST);
        assertEquals(ErrorCategory.TRANSIENT, e.getCategory());
        assertEquals(0, e.getHttpStatus());
        assertTrue(e.isAmbiguous(), "the request may have been processed");
    }

    @Test
    void connectionCutMidBodyIsTransientAndAmbiguous() {
        simulator().faults().add(Fault.reset(LIST).times(1));
        CloudApiException e = failure(LIST, LIST_REQUEST);
        assertEquals(ErrorCategory.TRANSIENT, e.getCategory());
        assertTrue(e.isAmbiguous());
    }

    @Test
    void malformedOrEmptySuccessBodyIsTransientAndAmbiguous() {
        simulator().faults().add(Fault.body(LIST, 200, "{\"data\": [ {\"package_id\": ", false).times(1));
        CloudApiException malformed = failure(LIST, LIST_REQUEST);
        assertEquals(ErrorCategory.TRANSIENT, malformed.getCategory());
        assertTrue(malformed.isAmbiguous());
        assertEquals("{\"data\": [ {\"package_id\": ", malformed.getRawBody());
        simulator().faults().add(Fault.body(LIST, 200, "", false).times(1));
        assertEquals(ErrorCategory.TRANSIENT, failure(LIST, LIST_REQUEST).getCategory());
    }

    @Test
    void successWithoutContentTypeIsStillRead() {
        simulator().faults().add(Fault.body(LIST, 200, "{\"data\":[],\"total\":0}", true).times(1));
        assertEquals(0, call(LIST, LIST_REQUEST, ListFactoryReleasePackagesResponse.class).total());
    }

    @Test
    void connectionRefusedIsTransientAndNotAmbiguous() {
        simulator().close();
        CloudApiException e = failure(LIST, LIST_REQUEST);
        assertEquals(ErrorCategory.TRANSIENT, e.getCategory());
        assertFalse(e.isAmbiguous(), "a refused connection never reached the provider");
    }

    @Test
    void historiesSentAsOneObjectAreReadAsAOneElementList() {
        String op = "ListLiveDataApiDeploymentHistoryV2";
        simulator().faults().add(Fault.body(op, 200, "{\"histories\": {\"id\": \"abbe44b56eda428d84172343674c9cd6\","
                + " \"deploy_time\": \"2020-09-28T11:01:09Z\", \"ld_api_id\": 123, \"surprise\": true}}", false)
                .times(1));
        ListLiveDataApiDeploymentHistoryV2Response answer = call(op, new ListLiveDataApiDeploymentHistoryV2Request(
                DemoData.INSTANCE_ID, DemoData.LD_API_ID, 0, 10), ListLiveDataApiDeploymentHistoryV2Response.class);
        assertEquals(1, answer.histories().size());
        assertEquals("123", answer.histories().get(0).ldApiId(), "a numeric id is read as a string");
    }

    @Test
    void latencyAloneStillAnswers() {
        simulator().faults().add(Fault.latency(LIST, 300).times(1));
        assertEquals(2, call(LIST, LIST_REQUEST, ListFactoryReleasePackagesResponse.class).total());
    }
}
