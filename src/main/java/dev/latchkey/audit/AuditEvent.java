package dev.latchkey.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("audit_event")
record AuditEvent(
        @Id Long id,
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
        String detail) {}
