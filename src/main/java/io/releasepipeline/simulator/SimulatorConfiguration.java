package io.releasepipeline.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import io.releasepipeline.cloud.CloudConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The sandbox: with {@code simulator.embedded=true} the simulator starts with the runtime, every cloud endpoint
 * points at it, and it stops with the runtime. Must run before the cloud configuration.
 */
public class SimulatorConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (!Boolean.parseBoolean(properties.resolveProperty("simulator.embedded").orElse("false"))) {
            return;
        }
        Simulator simulator = Simulator.start(intKey(properties, "simulator.port", 0), settings(properties));
        try {
            addFaults(simulator, properties.resolveProperty("simulator.faults").orElse(""));
        } catch (IllegalArgumentException e) {
            simulator.close();
            throw e;
        }
        for (String key : CloudConfiguration.ENDPOINT_KEYS) {
            properties.addOverrideProperty(key, simulator.baseUrl());
        }
        context.getRegistry().bind("simulator", simulator);
        // the cloud layer uses these when no credentials are configured: they open only this simulator
        context.getRegistry().bind(CloudConfiguration.SANDBOX_CREDENTIALS, DemoData.CREDENTIALS);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                simulator.close();
            }
        });
    }

    static SimulatorSettings settings(PropertiesComponent p) {
        SimulatorSettings d = SimulatorSettings.defaults();
        return new SimulatorSettings(
                Duration.ofMillis(intKey(p, "simulator.deploy-duration-ms", (int) d.deployDuration().toMillis())),
                Duration.ofMillis(intKey(p, "simulator.component-duration-ms", (int) d.componentDuration().toMillis())),
                intKey(p, "simulator.rate-per-second", d.ratePerSecond()),
                Duration.ofSeconds(intKey(p, "simulator.token-lifetime-seconds", (int) d.tokenLifetime().toSeconds())),
                pattern(p, "simulator.fail-packages", d.failPackages()),
                pattern(p, "simulator.fail-components", d.failComponents()),
                pattern(p, "simulator.fail-rollbacks", d.failRollbacks()),
                d.maxClockSkew());
    }

    private static void addFaults(Simulator simulator, String json) {
        if (json.isBlank()) {
            return;
        }
        try {
            simulator.faults().addJson(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("simulator.faults is not a JSON fault or array of faults: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int intKey(PropertiesComponent p, String key, int defaultValue) {
        String value = p.resolveProperty(key).orElse("").trim();
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number");
        }
    }

    private static Pattern pattern(PropertiesComponent p, String key, Pattern defaultValue) {
        String value = p.resolveProperty(key).orElse("");
        try {
            return value.isBlank() ? defaultValue : Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a valid regular expression");
        }
    }
}
