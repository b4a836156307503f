package io.releasepipeline.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One promotion's state as it moves through the chain: the stages it went through, the packages and release-plan
 * components it watches, and its single outcome. Shared by reference between the exchanges of its run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Promotion {

    /** Where a promotion is: its stages in order. */
    public enum Stage { ACCEPTED, DISCOVER, CREATE, DEPLOY, POLL, VERIFY, DONE }

    public record StageTime(Stage stage, Instant startedAt) { }

    private final String id;
    private final PromotionRequest request;
    private final Instant acceptedAt;
    private final List<StageTime> stages = new ArrayList<>();
    private final Map<String, PackageState> packages = new LinkedHashMap<>();  // replaced whole, under this lock
    private final List<String> pendingItemIds = new ArrayList<>();
    private volatile List<ComponentState> components = List.of();
    private final Map<String, Boolean> verified = new LinkedHashMap<>();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger stageRetries = new AtomicInteger();
    private final Set<String> unknownStatusesLogged = ConcurrentHashMap.newKeySet();
    private volatile boolean scheduled;
    private volatile Instant nextCheckAt;
    private volatile boolean nameNew;
    private volatile Long createSentAt;
    private volatile Outcome outcome;
    private volatile String detail;
    private volatile Instant finishedAt;

    public Promotion(String id, PromotionRequest request, Instant acceptedAt) {
        this.id = id;
        this.request = request;
        this.acceptedAt = acceptedAt;
        stages.add(new StageTime(Stage.ACCEPTED, acceptedAt));
    }

    /** The promotion as it was saved, to resume it. */
    static Promotion restore(PromotionSnapshot s) {
        Promotion p = new Promotion(s.id(), s.request(), s.acceptedAt());
        p.stages.clear();
        p.stages.addAll(s.stages());
        for (PromotionSnapshot.PackageSnapshot pkg : s.packages()) {
            p.packages.put(pkg.packageId(), new PackageState(pkg.packageId(), pkg.packageName(), pkg.deployStatus(),
                    pkg.deploys(), pkg.redeploys(), pkg.deployTimestamp(), pkg.toDeploy(), false, pkg.sentAt(),
                    pkg.sentOver()));
        }
        p.pendingItemIds.addAll(s.pendingItemIds());
        p.components = List.copyOf(s.components());
        p.verified.putAll(s.verified());
        p.apiCalls.set(s.apiCalls());
        p.retries.set(s.retries());
        p.createSentAt = s.createSentAt();
        // an ended promotion read from the store (its DONE stage is among the stages already)
        p.detail = s.detail();
        p.finishedAt = s.finishedAt();
        p.outcome = s.outcome();
        return p;
    }

    synchronized PromotionSnapshot snapshot() {
        return new PromotionSnapshot(id, request, acceptedAt, List.copyOf(stages), packages.values().stream()
                .map(k -> new PromotionSnapshot.PackageSnapshot(k.packageId(), k.packageName(), k.deployStatus(),
                        k.deploys(), k.redeploys(), k.toDeploy(), k.deployTimestamp(), k.sentAt(), k.sentOver()))
                .toList(), List.copyOf(pendingItemIds), components,
                Map.copyOf(verified), apiCalls.get(), retries.get(), outcome, detail, finishedAt, createSentAt);
    }

    public String getId() {
        return id;
    }

    public PromotionRequest getRequest() {
        return request;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public synchronized Stage getStage() {
        return stages.get(stages.size() - 1).stage();
    }

    public synchronized List<StageTime> getStages() {
        return List.copyOf(stages);
    }

    /** Records a stage change; answers false when the promotion is already there. */
    synchronized boolean enter(Stage stage, Instant at) {
        if (getStage() == stage) {
            return false;
        }
        stages.add(new StageTime(stage, at));
        stageRetries.set(0);
        return true;
    }

    public synchronized List<PackageState> getPackages() {
        return List.copyOf(packages.values());
    }

    synchronized PackageState findPackage(String packageId) {
        return packages.get(packageId);
    }

    /** Records a package as the provider reports it now (one this promotion knows, or one it has just found). */
    synchronized void packageSeen(String packageId, String name, Integer deployStatus, Long deployTimestamp) {
        PackageState known = packages.get(packageId);
        packages.put(packageId, (known != null ? known : PackageState.found(packageId, name))
                .seen(deployStatus, deployTimestamp));
    }

    /** Records the package this promotion has just created. */
    synchronized void packageCreated(String packageId, String name) {
        packages.put(packageId, PackageState.created(packageId, name));
    }

    /** Replaces a package's state whole with what {@code change} makes of it; nothing when there is no such package. */
    synchronized void updatePackage(String packageId, UnaryOperator<PackageState> change) {
        packages.computeIfPresent(packageId, (id, state) -> change.apply(state));
    }

    /** Every package ended (successful or failed): nothing left to watch. */
    @JsonIgnore
    public synchronized boolean isPackagesTerminal() {
        return packages.values().stream().allMatch(PackageState::isTerminal);
    }

    /** Pending items to release and no package yet: the create step creates one. */
    @JsonIgnore
    public synchronized boolean isPackageNeeded() {
        return packages.isEmpty() && !pendingItemIds.isEmpty();
    }

    /** A create or deploy call was sent whose effect is not known yet: watch the provider before sending again. */
    @JsonIgnore
    public synchronized boolean isCallUnconfirmed() {
        return createSentAt != null || packages.values().stream().anyMatch(PackageState::isUnconfirmed);
    }

    /** No create or deploy call is in doubt. */
    @JsonIgnore
    public boolean isCallsSettled() {
        return !isCallUnconfirmed();
    }

    /** When a create call was sent whose effect is not known yet (epoch ms), else null. */
    Long createSentAt() {
        return createSentAt;
    }

    void createSent(Long at) {
        createSentAt = at;
    }

    /** A package ended failed and the request allows deploying it again. */
    @JsonIgnore
    public synchronized boolean isRedeployDue() {
        int allowed = request.redeployFailed() == null ? 0 : request.redeployFailed();
        return packages.values().stream().anyMatch(s -> s.mayRedeploy(allowed));
    }

    /** Every livedata API of the request showed a deploy newer than the promotion. */
    @JsonIgnore
    public synchronized boolean isAllVerified() {
        List<PromotionRequest.LiveDataApi> apis = request.livedataApis();
        return apis != null && verified.size() == apis.size() && verified.values().stream().allMatch(v -> v);
    }

    public synchronized List<String> getPendingItemIds() {
        return List.copyOf(pendingItemIds);
    }

    synchronized void addPendingItem(String id) {
        if (!pendingItemIds.contains(id)) {
            pendingItemIds.add(id);
        }
    }

    synchronized void retainPendingItems(List<String> claimed) {
        pendingItemIds.retainAll(claimed);
    }

    public List<ComponentState> getComponents() {
        return components;
    }

    void setComponents(List<ComponentState> components) {
        this.components = List.copyOf(components);
    }

    public synchronized Map<String, Boolean> getVerified() {
        return Map.copyOf(verified);
    }

    synchronized void verified(String api, boolean ok) {
        verified.put(api, ok);
    }

    /** Counts every HTTP call made for this promotion (the cloud call path increments it). */
    @JsonIgnore
    public AtomicInteger apiCallCounter() {
        return apiCalls;
    }

    public int getApiCalls() {
        return apiCalls.get();
    }
    public int getRetries() {
        return retries.get();
    }

    /** Counts a retry, one of this stage's {@code max} when {@code limited}; answers its number, 0 when none is left. */
    synchronized int retry(int max, boolean limited) {
        if (limited && stageRetries.get() >= max) {
            return 0;
        }
        retries.incrementAndGet();
        return limited ? stageRetries.incrementAndGet() : stageRetries.get() + 1;
    }

    /** True the first time a status is seen, so an unknown status is logged once. */
    boolean firstSight(String status) {
        return unknownStatusesLogged.add(status);
    }

    /** Started by a schedule (for the "time since the last successful scheduled run" metric). */
    @JsonIgnore
    public boolean isScheduled() {
        return scheduled;
    }
    public void markScheduled() {
        scheduled = true;
    }

    /**
     * This process gave the package name its time suffix on acceptance: no earlier run can have created a package
     * of that name. A restored, replayed or resubmitted promotion (its name already suffixed) is never new.
     */
    @JsonIgnore
    public boolean isNameNew() {
        return nameNew;
    }

    void markNameNew() {
        nameNew = true;
    }

    /** When the poller checks the asynchronous work next (null while not waiting), for progress displays. */
    @JsonIgnore
    public Instant getNextCheckAt() {
        return nextCheckAt;
    }

    void nextCheckIn(long millis) {
        nextCheckAt = Instant.now().plusMillis(millis);
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** Sets the outcome once; a second one is refused. */
    synchronized boolean finish(Outcome value, String why, Instant at) {
        if (outcome != null) {
            return false;
        }
        // the outcome last: a reader that sees it (a volatile read, without this lock) sees its detail and time too
        detail = why;
        finishedAt = at;
        stages.add(new StageTime(Stage.DONE, at));
        outcome = value;
        return true;
    }
}
