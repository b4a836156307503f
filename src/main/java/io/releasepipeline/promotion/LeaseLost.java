package io.releasepipeline.promotion;

/**
 * This runtime no longer owns the promotion: its lease expired and another runtime sharing the store took it over
 * (or recorded its outcome). The write that found out is refused; the promotion goes on there, not here.
 */
public class LeaseLost extends RuntimeException {

    public LeaseLost(String promotionId) {
        super("promotion " + promotionId + " is owned by another runtime now");
    }
}
