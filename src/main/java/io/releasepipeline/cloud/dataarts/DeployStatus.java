package io.releasepipeline.cloud.dataarts;

/**
 * A release package's {@code deploy_status} as DataArts Studio documents it (page 000): 1 to be reviewed, 2
 * successful, 3 failed, 5 being released. The provider sends integers; {@link #of} answers null for a value this
 * code does not know, which is then carried as its integer, never rejected.
 */
public enum DeployStatus {
    TO_BE_REVIEWED(1),
    SUCCESSFUL(2),
    FAILED(3),
    BEING_RELEASED(5);

    private final int code;

    DeployStatus(int code) {
        this.code = code;
    }

    /** The provider's integer. */
    public int code() {
        return code;
    }

    /** Nothing more happens to the package without a new deploy: it succeeded or failed. */
    public boolean isTerminal() {
        return this == SUCCESSFUL || this == FAILED;
    }

    /** A deploy may be sent: the package waits for its first deploy, or failed and may be deployed again. */
    public boolean isDeployable() {
        return this == TO_BE_REVIEWED || this == FAILED;
    }

    /** The status for the provider's integer, or null when the value is not one the provider documents. */
    public static DeployStatus of(Integer code) {
        if (code == null) {
            return null;
        }
        for (DeployStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }
}
