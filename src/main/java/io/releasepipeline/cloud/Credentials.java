package io.releasepipeline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Secrets, read only from the environment or from a properties file kept outside the repository. {@link #toString()}
 * never shows them, so no log line or exception message can carry them.
 */
public record Credentials(String ak, String sk, String iamPassword) {

    public static final String AK_ENV = "CLOUD_SDK_AK";
    public static final String SK_ENV = "CLOUD_SDK_SK";
    public static final String IAM_PASSWORD_ENV = "CLOUD_IAM_PASSWORD";

    /** Environment first, then the file named by {@code cloud.credentials-file} (keys ak, sk, iam.password). */
    public static Credentials load(Map<String, String> env, String credentialsFile) {
        Properties file = new Properties();
        if (credentialsFile != null && !credentialsFile.isBlank()) {
            Path path = Path.of(credentialsFile);
            try (InputStream in = Files.newInputStream(path)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cloud.credentials-file=" + credentialsFile
                        + " cannot be read; point it at a readable properties file with ak, sk, iam.password");
            }
        }
        return new Credentials(
                firstSet(env.get(AK_ENV), file.getProperty("ak")),
                firstSet(env.get(SK_ENV), file.getProperty("sk")),
                firstSet(env.get(IAM_PASSWORD_ENV), file.getProperty("iam.password")));
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }

    public Credentials orElse(Credentials fallback) {
        return new Credentials(ak != null ? ak : fallback.ak(), sk != null ? sk : fallback.sk(),
                iamPassword != null ? iamPassword : fallback.iamPassword());
    }

    public boolean hasAkSk() {
        return ak != null && sk != null;
    }

    @Override
    public String toString() {
        return "Credentials[ak=" + (ak == null ? "unset" : "***") + ", sk=" + (sk == null ? "unset" : "***")
                + ", iamPassword=" + (iamPassword == null ? "unset" : "***") + "]";
    }
}
