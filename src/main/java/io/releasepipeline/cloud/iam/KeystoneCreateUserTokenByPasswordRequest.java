package io.releasepipeline.cloud.iam;

import java.util.List;
import java.util.Map;

/** A password identity scoped to one project, for {@code POST /v3/auth/tokens}. */
public record KeystoneCreateUserTokenByPasswordRequest(String domainName, String userName, String password,
                                                       String projectId) {

    /** The body IAM documents; built here so the record itself never serialises the password by accident. */
    public Map<String, Object> body() {
        return Map.of("auth", Map.of(
                "identity", Map.of(
                        "methods", List.of("password"),
                        "password", Map.of("user", Map.of(
                                "name", userName,
                                "password", password,
                                "domain", Map.of("name", domainName)))),
                "scope", Map.of("project", Map.of("id", projectId))));
    }

    @Override
    public String toString() {
        return "KeystoneCreateUserTokenByPasswordRequest[domainName=" + domainName + ", userName=" + userName
                + ", password=***, projectId=" + projectId + "]";
    }
}
