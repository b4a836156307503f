package io.releasepipeline.simulator;

import io.releasepipeline.cloud.AkSkSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API gateway in front of every service: checks the caller (an IAM token it issued, or an AK/SK signature
 * recomputed from the request as received) and throttles each user per API. Its errors never echo a credential.
 */
final class Gateway {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");

    private final World world;
    private final SimulatorSettings settings;
    private final Map<String, long[]> windows = new HashMap<>();
    private long throttled;

    Gateway(World world, SimulatorSettings settings) {
        this.world = world;
        this.settings = settings;
    }

    /** The authenticated caller, for a request to {@code projectId}. */
    World.User authenticate(String method, String rawPath, String rawQuery, Map<String, String> headers,
                            Map<String, String> originalHeaders, byte[] body, String projectId, Instant now) {
        String token = headers.get("x-auth-token");
        if (token != null) {
            World.Token issued = world.tokens.get(token);
            if (issued == null || !now.isBefore(issued.expiresAt())) {
                throw new ApiError(401, "APIG.1002", "Incorrect token or token resolution failed");
            }
            if (!issued.projectId().equals(projectId)) {
                throw new ApiError(403, "APIG.1005", "No permissions to request this method");
            }
            synchronized (world) {
                return world.usersById.get(issued.userId());
            }
        }
        String authorization = headers.get("authorization");
        if (authorization == null) {
            throw new ApiError(401, "APIG.1002", "Incorrect token or token resolution failed");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw signatureError("malformed Authorization header");
        }
        World.User user;
        synchronized (world) {
            user = world.usersById.values().stream().filter(u -> m.group(1).equals(u.ak)).findFirst().orElse(null);
        }
        if (user == null) {
            throw signatureError("the access key does not exist");
        }
        List<String> signed = Arrays.asList(m.group(2).split(";"));
        if (!signed.contains("x-sdk-date") || !signed.contains("host")) {
            throw signatureError("host and x-sdk-date must be signed");
        }
        checkDate(headers.get("x-sdk-date"), now);
        String projectHeader = headers.get("x-project-id");
        if (projectHeader != null && !projectHeader.equals(projectId)) {
            throw new ApiError(403, "APIG.1005", "No permissions to request this method");
        }
        String expected = AkSkSigner.signature(new AkSkSigner.SignableRequest(method, headers.getOrDefault("host", ""),
                rawPath, rawQuery, originalHeaders, body), signed, user.sk);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(3).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw signatureError("verify aksk signature fail");
        }
        return user;
    }

    private void checkDate(String date, Instant now) {
        if (date == null) {
            throw signatureError("x-sdk-date is missing");
        }
        try {
            Instant signedAt = ZonedDateTime.parse(date, AkSkSigner.DATE_FORMAT).toInstant();
            if (Duration.between(signedAt, now).abs().compareTo(settings.maxClockSkew()) > 0) {
                throw signatureError("x-sdk-date is out of range");
            }
        } catch (DateTimeParseException e) {
            throw signatureError("x-sdk-date is malformed");
        }
    }

    private static ApiError signatureError(String detail) {
        return new ApiError(401, "APIG.0301", "Incorrect IAM authentication information: " + detail);
    }

    /** 429 APIG.0308 past the per-user, per-API requests-per-second limit (fixed one-second windows). */
    void throttle(World.User user, String operation, Instant now) {
        int limit = settings.ratePerSecond();
        if (limit <= 0) {
            return;
        }
        long second = now.getEpochSecond();
        synchronized (windows) {
            long[] window = windows.computeIfAbsent(user.id + "/" + operation, k -> new long[] {second, 0});
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (++window[1] > limit) {
                throttled++;
                throw new ApiError(429, "APIG.0308", "The throttling threshold has been reached: "
                        + "policy user over ratelimit,limit:" + limit + ",time:1 second");
            }
        }
    }

    long throttled() {
        synchronized (windows) {
            return throttled;
        }
    }
}
