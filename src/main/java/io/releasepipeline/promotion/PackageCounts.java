package io.releasepipeline.promotion;

import java.util.Map;
import java.util.TreeMap;

/** A listing's packages counted by the deploy status the route chose for each (routes/packages.camel.yaml). */
public class PackageCounts {

    /** No package counted yet. */
    public Map<String, Long> none() {
        return new TreeMap<>();
    }

    public void count(Map<String, Long> counts, String deployStatus) {
        counts.merge(deployStatus, 1L, Long::sum);
    }
}
