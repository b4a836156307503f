package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AkSkSignerTest {

    private static final String AK = "HARNESSEXAMPLEAK0001";
    private static final String SK = "harnessExampleSecretKey0000000000000000000";
    private static final String BODY = "{\"package_ids\":[\"1001\"],\"startup_mode\":0}";

    private static AkSkSigner.SignableRequest workedExample(String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("workspace", "ws-0001");
        headers.put("User-Agent", "huaweicloud-usdk-java/3.0");
        headers.put("X-Project-Id", "0123456789abcdef0123456789abcdef");
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("X-Sdk-Date", "20240101T000000Z");
        return new AkSkSigner.SignableRequest("POST", "127.0.0.1:8088",
                "/v2/0123456789abcdef0123456789abcdef/factory/release-packages/deploy", null,
                headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reproducesTheProvidersWorkedExampleByteForByte() {
        assertEquals("b23cc7d21165ce7c024984dc693d3d6981e47211fe4932fe022e7c623c6c1bec",
                AkSkSigner.hex(AkSkSigner.sha256(BODY.getBytes(StandardCharsets.UTF_8))));
        assertEquals("SDK-HMAC-SHA256 Access=HARNESSEXAMPLEAK0001, "
                        + "SignedHeaders=host;user-agent;workspace;x-project-id;x-sdk-date, "
                        + "Signature=6ec1000a290846bd5fb1cab7dcdeb035610e101b4308358df40cd95ae375e279",
                AkSkSigner.authorization(workedExample(BODY), AK, SK));
    }

    @Test
    void verifierRecomputesTheSameSignatureAndRejectsAnAlteredBody() {
        List<String> names = List.of("host", "user-agent", "workspace", "x-project-id", "x-sdk-date");
        assertEquals("6ec1000a290846bd5fb1cab7dcdeb035610e101b4308358df40cd95ae375e279",
                AkSkSigner.signature(workedExample(BODY), names, SK));
        assertNotEquals("6ec1000a290846bd5fb1cab7dcdeb035610e101b4308358df40cd95ae375e279",
                AkSkSigner.signature(workedExample(BODY.replace("1001", "1002")), names, SK));
    }

    @Test
    void canonicalUriEncodesSegmentsAndEndsWithSlash() {
        assertEquals("/v2/p/a%20b%2A~/", AkSkSigner.canonicalUri("/v2/p/a%20b*~"));
        assertEquals("/", AkSkSigner.canonicalUri(""));
    }

    @Test
    void canonicalQuerySortsKeysAndKeepsEmptyValues() {
        assertEquals("a=&limit=10&offset=0", AkSkSigner.canonicalQuery("offset=0&limit=10&a"));
        assertEquals("", AkSkSigner.canonicalQuery(null));
    }
}
