package io.releasepipeline.cloud.iam;

/** The body IAM answers; the token itself comes in the {@code X-Subject-Token} header, never in here. */
public record KeystoneCreateUserTokenByPasswordResponse(Token token) {

    public record Token(String expiresAt, String issuedAt) {
    }
}
