package dev.latchkey.api.sites;

/** The examples of the sites resource in the OpenAPI document. */
final class SiteExamples {

    static final String POLICY = """
            {"mode": "required", "factors": ["passkey", "email", "totp", "backup"], "codeTtlMinutes": 5,
             "rememberDays": 30, "phishingResistant": "off", "alwaysOn": false}""";

    static final String POLICY_PUT = """
            {"mode": "required", "factors": ["passkey", "email", "totp", "backup"], "codeTtlMinutes": 5,
             "rememberDays": 30, "phishingResistant": "off"}""";

    static final String SITE = """
            {"slug": "acme", "name": "Acme", "defaultRegion": "NL", "mfaPolicy": {"mode": "required",
             "factors": ["passkey", "email", "totp", "backup"], "codeTtlMinutes": 5, "rememberDays": 30,
             "phishingResistant": "off", "alwaysOn": false}}""";

    static final String SITES = """
            {"items": [{"slug": "acme", "name": "Acme", "defaultRegion": "NL", "mfaPolicy": {"mode": "required",
             "factors": ["passkey", "email", "totp", "backup"], "codeTtlMinutes": 5, "rememberDays": 30,
             "phishingResistant": "off", "alwaysOn": false}}], "next": null}""";

    private SiteExamples() {}
}
