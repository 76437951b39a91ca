package dev.latchkey.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads security events. */
@Service
public class AuditLog {

    /** The event types the log holds, for filters: the codes of {@link AuditEventType}, in its order. */
    public static final List<String> TYPES = AuditEventType.codes();

    /** How old an event must be before {@link #feed} hands it out. */
    public static final java.time.Duration FEED_SETTLE = java.time.Duration.ofSeconds(5);

    private final AuditRepository repository;
    private final AuditQueries queries;
    private final Clock clock;

    AuditLog(AuditRepository repository, AuditQueries queries, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.clock = clock;
    }

    /** One page ({@code size} events, newest first) of the events matching {@code filter}. */
    public AuditPage page(AuditFilter filter, int page, int size) {
        List<AuditEntry> rows = queries.page(filter, page * size, size + 1);
        boolean more = rows.size() > size;
        return new AuditPage(more ? rows.subList(0, size) : rows, page, more);
    }

    /** Hands every matching event to {@code consumer}, newest first, streaming from the database. */
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditEntry> consumer) {
        queries.each(filter, consumer);
    }

    /**
     * F-API-1, the feed for a SIEM: up to {@code limit} events after position {@code afterId} (0: from the oldest
     * kept), oldest first. Events are written inside the transactions that cause them, so a position can commit after a
     * higher one; the feed therefore stops before the first event younger than {@link #FEED_SETTLE}, and a reader that
     * continues after the last position it got misses nothing that commits within that time.
     */
    public List<AuditFeedEntry> feed(long afterId, int limit) {
        java.time.Instant settled = clock.instant().minus(FEED_SETTLE);
        List<AuditFeedEntry> rows = queries.after(afterId, limit);
        int end = 0;
        while (end < rows.size() && !rows.get(end).entry().occurredAt().isAfter(settled)) {
            end++;
        }
        return rows.subList(0, end);
    }

    void record(AuditEntry entry) {
        queries.insert(new AuditEvent(
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
        return repository.findTop200ByOrderByIdDesc().stream()
                .map(AuditLog::entry)
                .toList();
    }

    /** The newest events of one user, newest first. */
    public List<AuditEntry> recentFor(long userId) {
        return repository.findTop200ByUserIdOrderByIdDesc(userId).stream()
                .map(AuditLog::entry)
                .toList();
    }

    private static AuditEntry entry(AuditEvent e) {
        return new AuditEntry(
                e.occurredAt(),
                e.type(),
                e.outcome(),
                e.realm(),
                e.userId(),
                e.username(),
                e.factor(),
                e.actor(),
                e.ip(),
                e.userAgent(),
                e.detail());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
