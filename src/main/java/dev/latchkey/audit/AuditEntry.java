package dev.latchkey.audit;

import dev.latchkey.shared.web.ClientInfo;
import java.time.Instant;

/** One security event as readers see it. {@code outcome} is {@code success} or {@code failure}. */
public record AuditEntry(
        Instant occurredAt,
        String type,
        String outcome,
        String realm,
        Long userId,
        String username,
        String factor,
        String actor,
        String ip,
        String userAgent,
        String detail) {

    /** Addresses recorded before they were shortened read the same as new ones: {@code ::1}. */
    public AuditEntry {
        ip = ClientInfo.address(ip);
    }
}
