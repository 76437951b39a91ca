package dev.latchkey.api.audit;

/** The examples of the audit feed in the OpenAPI document. */
final class AuditExamples {

    static final String FEED = """
            {"items": [{"id": 1041, "occurredAt": "2026-12-01T08:15:30Z", "type": "admin.locked",
              "outcome": "success", "realm": "acme", "userId": 42, "username": "jan@acme.example", "factor": null,
              "actor": "api-token:nightly-sync", "ip": null, "userAgent": null, "detail": null}],
             "next": "YXVkaXQ6MTA0MQ"}""";

    private AuditExamples() {}
}
