package io.releasepipeline.security;

class TokenModeSecretsTest extends SentinelSecretsTest {

    @Override
    protected String authMode() {
        return "token";
    }
}
