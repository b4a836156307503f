package io.releasepipeline.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepipeline.cloud.iam.KeystoneCreateUserTokenByPasswordRequest;
import io.releasepipeline.simulator.DemoData;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the cloud API layer's beans from application.properties and the environment. Invalid settings stop the
 * runtime here, with one message naming the key and the fix.
 */
public class CloudConfiguration implements CamelConfiguration {

    private final Map<String, String> env;

    public CloudConfiguration() {
        this(System.getenv());
    }

    public CloudConfiguration(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        boolean sandbox = Boolean.parseBoolean(properties.resolveProperty("simulator.embedded").orElse("false"));
        Credentials credentials = Credentials.load(env, properties.resolveProperty("cloud.credentials-file").orElse(null));
        if (sandbox) {
            credentials = credentials.orElse(DemoData.CREDENTIALS);
        }
        for (String key : ENDPOINT_KEYS) {
            endpoint(key, required(properties, key), sandbox);
        }
        long spacing = Math.max(1, positive(properties, "cloud.rate-limit-period-ms", "1050")
                / positive(properties, "cloud.rate-limit", "10"));
        properties.addOverrideProperty("cloud.rate-limit.spacing-ms", String.valueOf(spacing));
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
        context.getRegistry().bind("cloudCall", new CloudCall(mode, projectId, tokens, classifier, json));
    }

    private static final String[] ENDPOINT_KEYS = {"cloud.dataarts.endpoint", "cloud.servicestage.endpoint",
        "cloud.roma.endpoint", "cloud.iam.endpoint"};

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
