package io.releasepipeline.promotion;

/**
 * Named points between a promotion's durable steps where the crash-safety test stops the runtime: with
 * {@code RELEASE_PIPELINE_PAUSE_AT=<point>} in its environment the runtime prints {@code PAUSED AT <point>} and
 * waits there, so the test can kill it with SIGKILL exactly at that boundary. Unset, it does nothing.
 */
public final class CrashPoint {

    public static final String ENV = "RELEASE_PIPELINE_PAUSE_AT";
    private static final String PAUSE_AT = System.getenv(ENV);

    private CrashPoint() {
    }

    public static void reached(String point) {
        if (point.equals(PAUSE_AT)) {
            System.out.println("PAUSED AT " + point);
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
