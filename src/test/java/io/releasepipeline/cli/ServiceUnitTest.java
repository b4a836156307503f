package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The systemd unit in deploy/ runs the daemon and passes systemd-analyze verify where systemd is installed. */
class ServiceUnitTest {

    private static final Path UNIT = Path.of("deploy/release-pipeline.service");

    @Test
    void unitRunsTheDaemonAndStopsItWithSigterm() throws Exception {
        String unit = Files.readString(UNIT);
        assertTrue(unit.lines().anyMatch(l -> l.startsWith("ExecStart=") && l.endsWith(" run")), unit);
        assertTrue(unit.contains("KillSignal=SIGTERM") && unit.contains("EnvironmentFile="), unit);
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (Files.isExecutable(analyze)) {
            Process p = new ProcessBuilder(analyze.toString(), "verify", UNIT.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
        }
    }
}
