package io.releasepipeline.cloud;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Signs each request in the HTTP client itself, after camel-http has built it, so the signature covers exactly
 * what goes on the wire: host with port, path, query, headers and body. Requests that carry an IAM token
 * ({@code X-Auth-Token}) or go to IAM are left alone.
 */
public class AkSkSigning implements HttpRequestInterceptor {

    private final String ak;
    private final String sk;
    private final Clock clock;

    public AkSkSigning(String ak, String sk, Clock clock) {
        this.ak = ak;
        this.sk = sk;
        this.clock = clock;
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) throws IOException {
        if (request.containsHeader("X-Auth-Token") || request.getPath().startsWith("/v3/auth/")) {
            return;
        }
        if (!request.containsHeader(AkSkSigner.DATE_HEADER)) {
            request.setHeader(AkSkSigner.DATE_HEADER, AkSkSigner.formatDate(clock.instant()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            headers.put(header.getName(), header.getValue());
        }
        String path = request.getPath();
        int q = path.indexOf('?');
        AkSkSigner.SignableRequest signable = new AkSkSigner.SignableRequest(request.getMethod(),
                request.getAuthority().toString(), q < 0 ? path : path.substring(0, q),
                q < 0 ? null : path.substring(q + 1), headers, body(request));
        request.setHeader("Authorization", AkSkSigner.authorization(signable, ak, sk));
    }

    private static byte[] body(HttpRequest request) throws IOException {
        if (request instanceof ClassicHttpRequest classic && classic.getEntity() != null) {
            HttpEntity entity = classic.getEntity();
            if (!entity.isRepeatable()) {
                throw new IOException("cannot sign a streamed request body; send it as a string");
            }
            return EntityUtils.toByteArray(entity);
        }
        return new byte[0];
    }
}
