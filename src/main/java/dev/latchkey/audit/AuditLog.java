package dev.latchkey.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Writes and reads security events. */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void record(AuditEntry entry) {
        repository.save(new AuditEvent(
                null,
                entry.occurredAt() == null ? clock.instant() : entry.occurredAt(),
                entry.type(),
                entry.outcome(),
                entry.realm() == null ? "" : entry.realm(),
                entry.userId(),
                cut(entry.username(), 320),
                entry.factor(),
                cut(entry.actor(), 320),
                entry.ip(),
                cut(entry.userAgent(), 300),
                cut(entry.detail(), 1000)));
    }

    /** The newest events, newest first. */
    public List<AuditEntry> recent() {
        return repository.findTop200ByOrderByIdDesc().stream().map(AuditLog::entry).toList();
    }

    /** The newest events of one user, newest first. */
    public List<AuditEntry> recentFor(long userId) {
        return repository.findTop200ByUserIdOrderByIdDesc(userId).stream().map(AuditLog::entry).toList();
    }

    private static AuditEntry entry(AuditEvent e) {
        return new AuditEntry(e.occurredAt(), e.type(), e.outcome(), e.realm(), e.userId(), e.username(), e.factor(),
                e.actor(), e.ip(), e.userAgent(), e.detail());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
