package io.releasepipeline.simulator;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the simulated provider behaves: life-cycle durations, which releases fail, the gateway's rate limit.
 *
 * @param deployDuration     how long a DataArts package stays "being released" (5) before 2 or 3
 * @param componentDuration  how long each release-plan batch (components of one seq) runs; rollbacks take half
 * @param ratePerSecond      requests per second per user and API before 429 APIG.0308 (0: no limit)
 * @param tokenLifetime      how long an IAM token it issues stays valid
 * @param failPackages       package names or ids that end failed (3)
 * @param failComponents     component names or ids whose release fails and rolls back
 * @param failRollbacks      component names or ids whose rollback fails too
 * @param maxClockSkew       how far X-Sdk-Date may be from the simulator's clock
 */
public record SimulatorSettings(Duration deployDuration, Duration componentDuration, int ratePerSecond,
                                Duration tokenLifetime, Pattern failPackages, Pattern failComponents,
                                Pattern failRollbacks, Duration maxClockSkew) {

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), 10, Duration.ofHours(24),
                Pattern.compile(".*_fail.*"), Pattern.compile(".*-fail.*"), Pattern.compile(".*-rollback-fail.*"),
                Duration.ofMinutes(15));
    }

    public SimulatorSettings withDurations(Duration deploy, Duration component) {
        return new SimulatorSettings(deploy, component, ratePerSecond, tokenLifetime, failPackages, failComponents,
                failRollbacks, maxClockSkew);
    }

    public SimulatorSettings withRatePerSecond(int rate) {
        return new SimulatorSettings(deployDuration, componentDuration, rate, tokenLifetime, failPackages,
                failComponents, failRollbacks, maxClockSkew);
    }

    public SimulatorSettings withTokenLifetime(Duration lifetime) {
        return new SimulatorSettings(deployDuration, componentDuration, ratePerSecond, lifetime, failPackages,
                failComponents, failRollbacks, maxClockSkew);
    }
}
