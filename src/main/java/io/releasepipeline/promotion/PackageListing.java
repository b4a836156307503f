package io.releasepipeline.promotion;

import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesRequest;
import io.releasepipeline.cloud.dataarts.ListFactoryReleasePackagesResponse;
import io.releasepipeline.cloud.dataarts.ReleasePackage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;

/**
 * The Java half of {@code routes/packages.camel.yaml}: a workspace's release packages, one page at a time, counted
 * by deploy status. Only the current page is held: the counts are all that stays.
 */
public class PackageListing {

    public static final String COUNTS = "packageCounts";

    /** Starts a listing of the workspace in the body. */
    public void start(Exchange exchange) {
        exchange.setProperty("listWorkspace", exchange.getMessage().getBody(String.class));
        exchange.setProperty("pageOffset", 0);
        exchange.setProperty("morePages", true);
        exchange.setProperty(COUNTS, new TreeMap<String, Long>());
    }

    public ListFactoryReleasePackagesRequest page(Exchange exchange) {
        return ListFactoryReleasePackagesRequest.newestFirst(exchange.getProperty("listWorkspace", String.class), null,
                PromotionSteps.PAGE, exchange.getProperty("pageOffset", 0, Integer.class));
    }

    /** Moves past the page and answers its packages (to be routed by deploy status one by one). */
    public List<ReleasePackage> take(Exchange exchange) {
        ListFactoryReleasePackagesResponse page =
                exchange.getMessage().getBody(ListFactoryReleasePackagesResponse.class);
        List<ReleasePackage> packages = page.data() == null ? List.of() : page.data();
        int offset = exchange.getProperty("pageOffset", 0, Integer.class) + packages.size();
        exchange.setProperty("pageOffset", offset);
        exchange.setProperty("morePages", !packages.isEmpty() && page.total() != null && offset < page.total());
        return packages;
    }

    /** Counts one package under the deploy status the route chose for it. */
    @SuppressWarnings("unchecked")
    public void count(Exchange exchange) {
        Map<String, Long> counts = exchange.getProperty(COUNTS, Map.class);
        counts.merge(exchange.getProperty("deployStatusName", "UNKNOWN", String.class), 1L, Long::sum);
    }
}
