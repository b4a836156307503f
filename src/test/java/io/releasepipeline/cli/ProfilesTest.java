package io.releasepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One environment variable switches from the sandbox to the prod profile, which needs real credentials. */
class ProfilesTest {

    private static String[] validate(String profile, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.releasepipeline.cli.Main", "validate")
                .directory(dir.toFile());
        builder.environment().remove("CLOUD_SDK_AK");
        builder.environment().remove("CLOUD_SDK_SK");
        if (profile != null) {
            builder.environment().put("CAMEL_MAIN_PROFILE", profile);
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        return new String[] {String.valueOf(p.waitFor()), out, err};
    }

    @Test
    void prodProfileRefusesToStartWithoutCredentialsAndSandboxRunsOnTheSimulator() throws Exception {
        Path dir = Files.createTempDirectory("profiles");
        for (String f : new String[] {"application.properties", "application-prod.properties",
            "application-sandbox.properties"}) {
            Files.copy(Path.of(f), dir.resolve(f));
        }
        String[] prod = validate("prod", dir);
        assertEquals("2", prod[0], prod[1] + prod[2]);
        assertTrue(prod[2].lines().anyMatch(l -> l.startsWith("release-pipeline: configuration: cloud.auth=aksk needs "
                + "an access key: export CLOUD_SDK_AK")), prod[2]);
        String[] sandbox = validate(null, dir);
        assertEquals("0", sandbox[0], sandbox[1] + sandbox[2]);
        assertTrue(sandbox[1].contains("(embedded simulator)"), sandbox[1]);
    }
}
