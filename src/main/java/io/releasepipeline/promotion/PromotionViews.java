package io.releasepipeline.promotion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** The JSON the webhook answers: a promotion accepted, one in full, the recent ones, an error. */
public class PromotionViews {

    private final Promotions promotions;

    public PromotionViews(Promotions promotions) {
        this.promotions = promotions;
    }

    /** The 202 answer: where to follow the promotion. */
    public String acceptedJson(Promotion p) {
        Map<String, Object> view = summary(p);
        view.put("href", "/api/promotions/" + p.getId());
        return PromotionJson.write(view);
    }

    /**
     * One promotion in full: its request, each stage with its time, packages, components, outcome; as this runtime
     * runs it, else as the store has it (run by another runtime sharing the store, or by an earlier process).
     */
    public String detailJson(String id) {
        Promotion p = id != null && id.matches("p-[0-9a-f]{12}") ? promotions.find(id) : null;
        if (p == null) {
            throw new NoSuchElementException("no promotion by that id");
        }
        com.fasterxml.jackson.databind.node.ObjectNode view = PromotionJson.mapper().valueToTree(p);
        view.put("state", state(p.getStage(), p.getOutcome()));
        return PromotionJson.write(view);
    }

    /**
     * Where a promotion is, in one word: QUEUED (accepted and stored, waiting for one of the
     * {@code promotion.concurrency} places to run), RUNNING, or its outcome.
     */
    public static String state(Promotion.Stage stage, Outcome outcome) {
        return outcome != null ? outcome.name() : stage == Promotion.Stage.ACCEPTED ? "QUEUED" : "RUNNING";
    }

    /** The newest 100 promotions of every runtime sharing the store, and those this runtime refused. */
    public String recentJson() {
        return PromotionJson.write(Map.of("promotions", promotions.recentEverywhere(100).stream().map(this::summary)
                .toList()));
    }

    /** A 4xx body: the error, naming the field and the fix. */
    public String errorJson(Exception e) {
        return PromotionJson.write(Map.of("error", reason(e)));
    }

    /**
     * What a person needs from a refused request: the message of the refusal itself, not of the Camel exceptions
     * wrapped around it when a bean method called with arguments threw it.
     */
    public String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof NoSuchElementException
                    || t instanceof UnsupportedMediaType) {
                return String.valueOf(t.getMessage());
            }
        }
        return "the request cannot be served; see the runtime's log";
    }

    /** One promotion in short: id, correlation id, stage, outcome and its detail. */
    public Map<String, Object> summary(Promotion p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("promotion_id", p.getId());
        view.put("correlation_id", p.getRequest() == null ? null : p.getRequest().correlationId());
        view.put("state", state(p.getStage(), p.getOutcome()));
        view.put("stage", p.getStage());
        view.put("outcome", p.getOutcome());
        view.put("detail", p.getDetail());
        return view;
    }
}
