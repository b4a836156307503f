package io.releasepipeline.security;

import io.releasepipeline.simulator.Simulator;
import io.releasepipeline.simulator.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/** The simulator over TLS with a self-signed certificate made by the JDK's keytool for 127.0.0.1. */
final class TlsSimulator {

    static Simulator simulator;
    static Path caBundle;

    private TlsSimulator() {
    }

    static synchronized void start() throws Exception {
        if (simulator != null) {
            return;
        }
        Path dir = Files.createTempDirectory("tls-simulator");
        Path store = dir.resolve("simulator.p12");
        caBundle = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "simulator", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "simulator", "-keystore", store.toString(), "-storepass",
                "changeit", "-file", caBundle.toString());
        simulator = Simulator.startTls(0, SimulatorSettings.defaults().withRatePerSecond(0), store.toString(),
                "changeit");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
