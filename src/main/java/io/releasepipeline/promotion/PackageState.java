package io.releasepipeline.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.releasepipeline.cloud.dataarts.DeployStatus;

/**
 * A package of a promotion as last seen: immutable, replaced whole under the promotion's lock, so a reader on another
 * thread (a snapshot, the webhook's detail) never sees half a change.
 *
 * @param deployStatus     the provider's deploy_status (1, 2, 3, 5, or a value it does not document)
 * @param deployTimestamp  the provider's last deploy time: one deploy claim per deploy of the package
 * @param toDeploy         claimed by this promotion: the next deploy call sends it
 * @param claimedElsewhere another promotion (or runtime) holds its deploy claim: watched, never deployed here
 * @param sentAt           when a deploy call for it was sent whose effect is not known yet (epoch ms), else null
 * @param sentOver         the deploy_timestamp the package had when that call was sent: a newer one means it landed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageState(String packageId, String packageName, Integer deployStatus, int deploys, int redeploys,
                           @JsonIgnore Long deployTimestamp, @JsonIgnore boolean toDeploy,
                           @JsonIgnore boolean claimedElsewhere, @JsonIgnore Long sentAt, @JsonIgnore Long sentOver) {

    /** A package this promotion has just created: to be reviewed. */
    static PackageState created(String packageId, String packageName) {
        return found(packageId, packageName).seen(DeployStatus.TO_BE_REVIEWED.code(), null);
    }

    /** A package found at the provider, before its state is taken. */
    static PackageState found(String packageId, String packageName) {
        return new PackageState(packageId, packageName, null, 0, 0, null, false, false, null, null);
    }

    /** The deploy_status as a {@link DeployStatus}, null for a value the provider does not document. */
    @JsonIgnore
    public DeployStatus status() {
        return DeployStatus.of(deployStatus);
    }

    /** Whether the package ended (successful or failed). */
    @JsonIgnore
    public boolean isTerminal() {
        DeployStatus status = status();
        return status != null && status.isTerminal();
    }

    /** A failed package this promotion may deploy again: the request allows more redeploys than it has had. */
    public boolean mayRedeploy(int allowed) {
        return status() == DeployStatus.FAILED && !claimedElsewhere && redeploys < allowed;
    }

    /** A deploy call was sent and its effect is not known yet. */
    @JsonIgnore
    public boolean isUnconfirmed() {
        return sentAt != null;
    }

    /** The unconfirmed deploy call landed: the package is being released, or was deployed after the call was sent. */
    @JsonIgnore
    public boolean hasLanded() {
        return sentAt != null && (status() == DeployStatus.BEING_RELEASED
                || deployTimestamp != null && !deployTimestamp.equals(sentOver));
    }

    /** As the provider reports it now. */
    PackageState seen(Integer status, Long timestamp) {
        return new PackageState(packageId, packageName, status, deploys, redeploys, timestamp, toDeploy,
                claimedElsewhere, sentAt, sentOver);
    }

    PackageState claimed() {
        return new PackageState(packageId, packageName, deployStatus, deploys, redeploys, deployTimestamp, true, false,
                sentAt, sentOver);
    }

    PackageState claimedByAnother() {
        return new PackageState(packageId, packageName, deployStatus, deploys, redeploys, deployTimestamp, false, true,
                sentAt, sentOver);
    }

    /** A deploy call is about to be sent. */
    PackageState sending(long now) {
        return new PackageState(packageId, packageName, deployStatus, deploys, redeploys, deployTimestamp, toDeploy,
                claimedElsewhere, now, deployTimestamp);
    }

    /** The deploy call was accepted: being released now; a failed package's deploy counts as a redeploy. */
    PackageState deployed() {
        return new PackageState(packageId, packageName, DeployStatus.BEING_RELEASED.code(), deploys + 1,
                status() == DeployStatus.FAILED ? redeploys + 1 : redeploys, deployTimestamp, false, claimedElsewhere,
                null, null);
    }

    /** The unconfirmed deploy call landed: counted as this promotion's deploy, as it is seen now. */
    PackageState adopted() {
        return new PackageState(packageId, packageName, deployStatus, deploys + 1,
                sentOver != null ? redeploys + 1 : redeploys, deployTimestamp, false, claimedElsewhere, null, null);
    }

    /** The deploy call did not land (the provider refused it, or nothing changed within the grace period). */
    PackageState notLanded() {
        return new PackageState(packageId, packageName, deployStatus, deploys, redeploys, deployTimestamp, toDeploy,
                claimedElsewhere, null, null);
    }
}
