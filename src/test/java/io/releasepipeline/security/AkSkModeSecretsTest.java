package io.releasepipeline.security;

class AkSkModeSecretsTest extends SentinelSecretsTest {

    @Override
    protected String authMode() {
        return "aksk";
    }
}
