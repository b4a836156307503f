package io.releasepipeline.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.iam.KeystoneCreateUserTokenByPasswordRequest;
import io.releasepipeline.observe.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the cloud API layer's beans from application.properties and the environment. Invalid settings stop the
 * runtime here, with one message naming the key and the fix. The call path's beans are bound in {@link #configure}
 * rather than by {@code @BindToRegistry} methods: they need the credentials the sandbox binds and the endpoints it
 * points at the simulator, which exist only once the configurations before this one have run their configure.
 */
public class CloudConfiguration implements CamelConfiguration {

    /** The bean under which the sandbox (the embedded simulator) binds its demo credentials. */
    public static final String SANDBOX_CREDENTIALS = "sandboxCredentials";

    private final Map<String, String> env;

    @PropertyInject(value = "cloud.workspace", defaultValue = "")
    private String readinessWorkspace;

    @PropertyInject(value = "health.cloud-check-cache-seconds", defaultValue = "30")
    private long readinessCacheSeconds;

    /** As camel.main.configurationClasses creates it: secrets from {@link RuntimeEnvironment}. */
    public CloudConfiguration() {
        this(null);
    }

    public CloudConfiguration(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        boolean sandbox = Boolean.parseBoolean(properties.resolveProperty("simulator.embedded").orElse("false"));
        Map<String, String> env = this.env != null ? this.env : RuntimeEnvironment.of(context);
        Credentials credentials = Credentials.load(env, properties.resolveProperty("cloud.credentials-file").orElse(null));
        Credentials sandboxCredentials = context.getRegistry().lookupByNameAndType(SANDBOX_CREDENTIALS,
                Credentials.class);
        if (sandbox && sandboxCredentials != null) {
            // the embedded simulator bound its demo credentials: they open only the simulator
            credentials = credentials.orElse(sandboxCredentials);
        }
        for (String key : ENDPOINT_KEYS) {
            endpoint(key, required(properties, key), sandbox);
        }
        double ratePerSecond = positive(properties, "cloud.rate-limit", "10") * 1000.0
                / positive(properties, "cloud.rate-limit-period-ms", "1050");
        CloudCall.AuthMode mode = authMode(properties.resolveProperty("cloud.auth").orElse("aksk"));
        String projectId = required(properties, "cloud.project-id");
        ObjectMapper json = CloudJson.mapper();
        Clock clock = Clock.systemUTC();

        TokenCache tokens = null;
        if (mode == CloudCall.AuthMode.TOKEN) {
            if (credentials.iamPassword() == null) {
                throw new IllegalArgumentException("cloud.auth=token needs an IAM password: export "
                        + Credentials.IAM_PASSWORD_ENV + " or set iam.password in cloud.credentials-file");
            }
            tokens = new TokenCache(context.createProducerTemplate(),
                    new KeystoneCreateUserTokenByPasswordRequest(required(properties, "cloud.iam.domain"),
                            required(properties, "cloud.iam.user"), credentials.iamPassword(), projectId),
                    Duration.ofSeconds(Long.parseLong(properties.resolveProperty("cloud.token.renew-before-seconds")
                            .orElse("300"))), clock);
        } else if (!credentials.hasAkSk()) {
            throw new IllegalArgumentException("cloud.auth=aksk needs an access key: export " + Credentials.AK_ENV
                    + " and " + Credentials.SK_ENV + " or set ak and sk in cloud.credentials-file");
        }
        AkSkSigning signing = mode == CloudCall.AuthMode.AKSK
                ? new AkSkSigning(credentials.ak(), credentials.sk(), clock) : null;
        HttpClientConfigurer client = builder -> {
            // HttpClient would silently resend on 429, 503 and some I/O errors: retries belong to the routes alone
            builder.disableAutomaticRetries();
            if (signing != null) {
                builder.addRequestInterceptorLast(signing);
            }
        };
        context.getComponent("http", HttpComponent.class).setHttpClientConfigurer(client);
        HttpComponent https = context.getComponent("https", HttpComponent.class);
        https.setHttpClientConfigurer(client);
        String caBundle = properties.resolveProperty("cloud.tls.ca-bundle").orElse("");
        if (!caBundle.isBlank()) {
            // trust these CAs (and only these) for the cloud endpoints; host names are still verified
            https.setSslContextParameters(TlsTrust.caBundle(caBundle));
        }

        Properties errorTable = properties.loadProperties(key -> key.startsWith(ErrorClassifier.PROPERTY_PREFIX));
        ErrorClassifier classifier = new ErrorClassifier(errorTable);
        context.getRegistry().bind("cloudJson", ObjectMapper.class, json);
        context.getRegistry().bind("errorClassifier", classifier);
        if (tokens != null) {
            context.getRegistry().bind("tokenCache", tokens);
        }
        context.getRegistry().bind("clientRate", new ClientRate(ratePerSecond));
        context.getRegistry().bind("cloudCall", new CloudCall(mode, projectId, tokens, classifier, json,
                context.getRegistry().findSingleByType(PipelineMetrics.class)));
    }

    /** Readiness includes the cloud endpoints (found by Camel's health-check registry as a bean). */
    @BindToRegistry("cloudReadiness")
    public CloudReadiness cloudReadiness() {
        return new CloudReadiness(readinessWorkspace, Duration.ofSeconds(readinessCacheSeconds));
    }

    /** The endpoint keys of the provider's services (the sandbox points each at the simulator). */
    public static final List<String> ENDPOINT_KEYS = List.of("cloud.dataarts.endpoint", "cloud.servicestage.endpoint",
        "cloud.roma.endpoint", "cloud.iam.endpoint");

    /** An endpoint is scheme, host and optional port; outside the sandbox only https leaves this machine. */
    static void endpoint(String key, String value, boolean sandbox) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        boolean shaped = uri != null && uri.getHost() != null && uri.getQuery() == null
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        if (!shaped) {
            throw new IllegalArgumentException(key + "=" + value + " is not an endpoint; use https://host[:port]");
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.")
                || uri.getHost().equals("[::1]");
        if (!sandbox && "http".equals(uri.getScheme()) && !loopback) {
            throw new IllegalArgumentException(key + "=" + value + " must use https: credentials never travel in "
                    + "clear text");
        }
    }

    private static CloudCall.AuthMode authMode(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "aksk" -> CloudCall.AuthMode.AKSK;
            case "token" -> CloudCall.AuthMode.TOKEN;
            default -> throw new IllegalArgumentException("cloud.auth=" + value + " is not known; use aksk or token");
        };
    }

    private static long positive(PropertiesComponent properties, String key, String otherwise) {
        String value = properties.resolveProperty(key).filter(v -> !v.isBlank()).orElse(otherwise).trim();
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(key + "=" + value + " must be a whole number of at least 1");
        }
        return Long.parseLong(value);
    }

    private static String required(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(key + " is not set; set it in application.properties"));
    }
}
