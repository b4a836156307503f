package io.releasepipeline.reliability;

import io.releasepipeline.cloud.CloudRouteTestSupport;
import io.releasepipeline.simulator.DemoData;
import io.releasepipeline.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The runtime as a separate JVM ({@code Main run}) in a working directory of its own, against a shared simulator. */
final class ChildRuntime {

    private ChildRuntime() {
    }

    /** Writes the working directory's application.properties: the project's, pointed at the simulator. */
    static Path workDir(Simulator simulator, String extraProperties) throws IOException {
        Path work = Files.createTempDirectory("child-runtime");
        Files.writeString(work.resolve("application.properties"), Files.readString(Path.of("application.properties"))
                + "\nsimulator.embedded = false\n"
                + "cloud.dataarts.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.servicestage.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.roma.endpoint = " + simulator.baseUrl() + "\n"
                + "cloud.iam.endpoint = " + simulator.baseUrl() + "\n"
                + "camel.server.port = " + CloudRouteTestSupport.freePort() + "\n"
                + "poll.initial-delay-ms = 200\npoll.max-interval-ms = 300\n"
                + "retry.initial-delay-ms = 50\nretry.max-delay-ms = 100\n" + extraProperties);
        return work;
    }

    static Process start(Path work, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.releasepipeline.cli.Main", "run")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLOUD_SDK_AK", DemoData.AK);
        builder.environment().put("CLOUD_SDK_SK", DemoData.SK);
        builder.environment().put("WEBHOOK_TOKEN", "child-runtime-token");
        builder.environment().putAll(env);
        return builder.start();
    }

    static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

}
