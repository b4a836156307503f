package io.releasepipeline.promotion;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What claiming a promotion's pending items came to: the items it holds (the only ones its package may contain) and,
 * for each item it could not claim, the promotion that holds or packaged it.
 */
public record ItemClaims(List<String> claimed, Map<String, String> heldBy) {

    /** Every item is another promotion's: the promotion ends DUPLICATE. */
    public boolean isNothingClaimed() {
        return claimed.isEmpty() && !heldBy.isEmpty();
    }

    /** Some items are another promotion's: the package holds only the rest. */
    public boolean isPartlyClaimed() {
        return !claimed.isEmpty() && !heldBy.isEmpty();
    }

    /** The items held elsewhere, by promotion: "promotion P holds item-1, item-2". */
    public String holders() {
        return heldBy.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                        java.util.TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.joining(", "))))
                .entrySet().stream().map(e -> "promotion " + e.getKey() + " holds or released " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
