package io.releasepipeline.cloud;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the cloud endpoints answer and accept the credentials (one small ListFactoryReleasePackages call),
 * cached for a while so a probe every few seconds does not become an API call every few seconds.
 */
public class CloudReadiness extends AbstractHealthCheck {

    private ProducerTemplate producer;
    private final String workspace;
    private final Duration cacheFor;
    private volatile long checkedAt;
    private volatile String failure;

    /** Bound as a bean, it is found by Camel's health-check registry (which hands it the context). */
    public CloudReadiness(String workspace, Duration cacheFor) {
        super("release-pipeline", "cloud-endpoints");
        this.workspace = workspace;
        this.cacheFor = cacheFor;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > cacheFor.toNanos()) {
            failure = probe();
            checkedAt = now;
        }
        builder.detail("cached_for_seconds", cacheFor.toSeconds());
        if (failure == null) {
            builder.up();
        } else {
            builder.message(failure).down();
        }
    }

    private String probe() {
        if (producer == null) {
            producer = getCamelContext().createProducerTemplate();
        }
        try {
            producer.requestBody("direct:ListFactoryReleasePackages",
                    ListFactoryReleasePackagesRequest.page(workspace, null, 1, 0));
            return null;
        } catch (CamelExecutionException e) {
            return e.getCause() instanceof CloudApiException c ? c.getCategory() + ": " + c.getMessage()
                    : "cloud endpoints unreachable";
        }
    }
}
