package io.releasepipeline.cloud;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's {@code SDK-HMAC-SHA256} request signature (shared/seeds/ADJACENT.md), used by the client
 * to sign what camel-http sends and by the simulator to check what it receives.
 */
public final class AkSkSigner {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AkSkSigner() {
    }

    /** What a request looks like to the signer: header names as sent, the raw path and query as on the wire. */
    public record SignableRequest(String method, String host, String rawPath, String rawQuery,
                                  Map<String, String> headers, byte[] body) {
    }

    public static String formatDate(Instant instant) {
        return DATE_FORMAT.format(instant);
    }

    /** The value of the {@code Authorization} header; {@code headers} must already hold {@code X-Sdk-Date}. */
    public static String authorization(SignableRequest request, String ak, String sk) {
        TreeMap<String, String> signed = signedHeaders(request);
        String names = String.join(";", signed.keySet());
        return ALGORITHM + " Access=" + ak + ", SignedHeaders=" + names + ", Signature=" + signature(request, signed, sk);
    }

    /** Recomputes the signature over exactly the header names the client says it signed. */
    public static String signature(SignableRequest request, List<String> signedHeaderNames, String sk) {
        Map<String, String> lower = lowerCased(request);
        TreeMap<String, String> signed = new TreeMap<>();
        for (String name : signedHeaderNames) {
            signed.put(name, name.equals("host") ? request.host() : lower.getOrDefault(name, ""));
        }
        return signature(request, signed, sk);
    }

    static String canonicalRequest(SignableRequest request, TreeMap<String, String> signed) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(canonicalUri(request.rawPath())).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        signed.forEach((name, value) -> canonical.append(name).append(':').append(value.trim()).append('\n'));
        return canonical.append('\n')
                .append(String.join(";", signed.keySet())).append('\n')
                .append(hex(sha256(request.body() == null ? new byte[0] : request.body())))
                .toString();
    }

    private static String signature(SignableRequest request, TreeMap<String, String> signed, String sk) {
        String date = lowerCased(request).get("x-sdk-date");
        String stringToSign = ALGORITHM + "\n" + date + "\n"
                + hex(sha256(canonicalRequest(request, signed).getBytes(StandardCharsets.UTF_8)));
        return hex(hmacSha256(sk.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    private static TreeMap<String, String> signedHeaders(SignableRequest request) {
        TreeMap<String, String> signed = new TreeMap<>();
        lowerCased(request).forEach((name, value) -> {
            if (!name.equals("content-type") && !name.contains("_")) {
                signed.put(name, value);
            }
        });
        signed.put("host", request.host());
        return signed;
    }

    private static Map<String, String> lowerCased(SignableRequest request) {
        Map<String, String> lower = new TreeMap<>();
        request.headers().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    static String canonicalUri(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String encoded = List.of(path.split("/", -1)).stream()
                .map(segment -> encode(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("/"));
        return encoded.endsWith("/") ? encoded : encoded + "/";
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(decode(key)) + "=" + encode(decode(value)));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 unreserved characters kept; space as %20, '*' as %2A, '~' kept. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
