package dev.latchkey.accounts;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The back office's nightly sync (F-API, bulk): upserts contact persons by external id from a stream of lines, each
 * naming its account by the account's external id. Lines are taken {@value #BATCH} at a time: one query finds the
 * accounts, one the existing contacts, and the new and changed ones are written with JDBC batches in one transaction
 * per batch. A changed contact who is a portal user goes through {@link Contacts#update(long, ContactData, Long,
 * String)}, one by one, so their email and phone reach the user exactly as on the admin pages.
 *
 * <p>A bad line is refused with its line number and reasons; the others are still written. The first
 * {@value #MAX_REFUSALS} refusals are reported in full, all are counted. A contact whose external id appears twice in
 * one stream is refused the second time. Batches that were written stay written when a later one fails.
 */
@Service
public class BulkContacts {

    static final int BATCH = 1000;
    /** By hand: a generic mapper looks columns up by several names, and H2 answers each miss with an exception. */
    private static final RowMapper<ContactPerson> ROWS = (rs, row) -> new ContactPerson(
            rs.getLong("id"),
            rs.getLong("account_id"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("phone"),
            rs.getObject("portal_user_id", Long.class),
            rs.getString("external_id"),
            rs.getLong("version"));

    static final int MAX_REFUSALS = 1000;

    /**
     * One line of the stream. Either {@code errors} says why it is unusable (unreadable, or a field out of shape), or
     * the other fields are set and already checked for size and shape.
     */
    public record Line(
            long number, String externalId, String accountExternalId, ContactDetails details, List<String> errors) {

        public static Line refused(long number, String externalId, List<String> errors) {
            return new Line(number, externalId, null, null, List.copyOf(errors));
        }

        public static Line of(long number, String externalId, String accountExternalId, ContactDetails details) {
            return new Line(number, externalId, accountExternalId, details, List.of());
        }
    }

    /** One refused line: its number (from 1), its external id when it could be read, and why. */
    public record Refusal(long line, String externalId, List<String> reasons) {}

    /** What a sync did. */
    public record Report(
            long created,
            long updated,
            long unchanged,
            long refused,
            List<Refusal> refusals,
            boolean refusalsTruncated) {}

    private final Contacts contacts;
    private final Accounts accounts;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    BulkContacts(
            Contacts contacts,
            Accounts accounts,
            JdbcTemplate template,
            PlatformTransactionManager transactionManager,
            MessageSource messages) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
    }

    /**
     * The body of a sync broke off while it was read (too large, or malformed on the wire): the batches before the cut
     * are written ({@link #written()}), the lines read since the last batch are not.
     */
    public static final class CutOff extends RuntimeException {

        private final transient Report written;

        CutOff(Report written, RuntimeException cause) {
            super("the bulk request broke off while it was read", cause);
            this.written = written;
        }

        /** What the batches before the cut did. */
        public Report written() {
            return written;
        }
    }

    /**
     * Upserts every line of {@code lines}, reading them as it goes; {@code actor} is told in the users' audit.
     *
     * @throws CutOff when reading {@code lines} fails part-way, with what was written before
     */
    public Report sync(Iterator<Line> lines, String actor) {
        Run run = new Run(actor);
        try {
            return sync(lines, run);
        } catch (java.io.UncheckedIOException cut) {
            throw new CutOff(run.report(), cut);
        }
    }

    private Report sync(Iterator<Line> lines, Run run) {
        List<Line> batch = new ArrayList<>(BATCH);
        while (lines.hasNext()) {
            Line line = lines.next();
            if (!line.errors().isEmpty()) {
                run.refuse(line.number(), line.externalId(), line.errors());
            } else if (!run.seen.add(line.externalId())) {
                run.refuse(line.number(), line.externalId(), List.of("externalId: appears earlier in this request"));
            } else {
                batch.add(line);
                if (batch.size() == BATCH) {
                    run.write(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            run.write(batch);
        }
        return run.report();
    }

    /** The state of one sync. */
    private final class Run {

        Report report() {
            return new Report(created, updated, unchanged, refused, List.copyOf(refusals), refused > refusals.size());
        }

        final String actor;
        final Set<String> seen = new HashSet<>();
        final Map<String, Long> accountIds = new HashMap<>();
        final Set<String> unknownAccounts = new HashSet<>();
        final List<Refusal> refusals = new ArrayList<>();
        long created;
        long updated;
        long unchanged;
        long refused;

        Run(String actor) {
            this.actor = actor;
        }

        void refuse(long line, String externalId, List<String> reasons) {
            refused++;
            if (refusals.size() < MAX_REFUSALS) {
                refusals.add(new Refusal(line, externalId, List.copyOf(reasons)));
            }
        }

        void write(List<Line> batch) {
            resolveAccounts(batch);
            List<Line> ready = new ArrayList<>(batch.size());
            for (Line line : batch) {
                if (accountIds.containsKey(line.accountExternalId())) {
                    ready.add(line);
                } else {
                    refuse(line.number(), line.externalId(), List.of("accountExternalId: no such account"));
                }
            }
            Plan plan;
            try {
                plan = transactions.execute(status -> writeOnce(ready));
            } catch (DataIntegrityViolationException ex) {
                // another request created some of these contacts meanwhile: read them again, once
                try {
                    plan = transactions.execute(status -> writeOnce(ready));
                } catch (DataIntegrityViolationException again) {
                    ready.forEach(l -> refuse(
                            l.number(), l.externalId(), List.of("changed by another request at the same time; retry")));
                    return;
                }
            }
            created += plan.inserts.size();
            updated += plan.updates.size() - plan.stale.size();
            unchanged += plan.unchanged;
            plan.stale.forEach(l ->
                    refuse(l.number(), l.externalId(), List.of("changed by another request at the same time; retry")));
            for (Map.Entry<Line, ContactPerson> promoted : plan.promoted.entrySet()) {
                updatePromoted(promoted.getKey(), promoted.getValue());
            }
        }

        private void updatePromoted(Line line, ContactPerson current) {
            ContactData data =
                    new ContactData(accountIds.get(line.accountExternalId()), line.externalId(), line.details());
            try {
                contacts.update(current.id(), data, current.version(), actor);
                updated++;
            } catch (ContactRefusedException ex) {
                refuse(line.number(), line.externalId(), List.of(ex.reason().name() + ": " + text(ex.messageKey())));
            } catch (StaleVersionException | java.util.NoSuchElementException ex) {
                refuse(line.number(), line.externalId(), List.of("changed by another request at the same time; retry"));
            }
        }

        private void resolveAccounts(List<Line> batch) {
            Set<String> missing = new HashSet<>();
            for (Line line : batch) {
                String id = line.accountExternalId();
                if (!accountIds.containsKey(id) && !unknownAccounts.contains(id)) {
                    missing.add(id);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Map<String, Long> found = accounts.idsByExternalId(missing);
            accountIds.putAll(found);
            missing.removeAll(found.keySet());
            unknownAccounts.addAll(missing);
        }

        private Plan writeOnce(List<Line> ready) {
            Map<String, ContactPerson> existing =
                    existing(ready.stream().map(Line::externalId).toList());
            Plan plan = new Plan();
            for (Line line : ready) {
                ContactPerson current = existing.get(line.externalId());
                long accountId = accountIds.get(line.accountExternalId());
                if (current == null) {
                    plan.inserts.add(line);
                } else if (Contacts.sameAs(current, new ContactData(accountId, line.externalId(), line.details()))) {
                    plan.unchanged++;
                } else if (current.portalUserId() != null) {
                    plan.promoted.put(line, current);
                } else {
                    plan.updates.add(line);
                }
            }
            if (!plan.inserts.isEmpty()) {
                template.batchUpdate(
                        "insert into contact_person (account_id, name, email, phone, external_id, version)"
                                + " values (?, ?, ?, ?, ?, 0)",
                        plan.inserts,
                        BATCH,
                        (PreparedStatement ps, Line line) -> {
                            ps.setLong(1, accountIds.get(line.accountExternalId()));
                            ps.setString(2, line.details().name());
                            ps.setString(3, line.details().email());
                            ps.setString(4, line.details().phone());
                            ps.setString(5, line.externalId());
                        });
            }
            if (!plan.updates.isEmpty()) {
                int[][] counts = template.batchUpdate(
                        "update contact_person set account_id = ?, name = ?, email = ?, phone = ?,"
                                + " version = version + 1 where id = ? and version = ? and portal_user_id is null",
                        plan.updates,
                        BATCH,
                        (PreparedStatement ps, Line line) -> {
                            ContactPerson current = existing.get(line.externalId());
                            ps.setLong(1, accountIds.get(line.accountExternalId()));
                            ps.setString(2, line.details().name());
                            ps.setString(3, line.details().email());
                            ps.setString(4, line.details().phone());
                            ps.setLong(5, current.id());
                            ps.setLong(6, current.version());
                        });
                int i = 0;
                for (int[] chunk : counts) {
                    for (int count : chunk) {
                        if (count == 0) {
                            plan.stale.add(plan.updates.get(i));
                        }
                        i++;
                    }
                }
            }
            return plan;
        }

        private Map<String, ContactPerson> existing(Collection<String> externalIds) {
            Map<String, ContactPerson> found = new HashMap<>();
            if (externalIds.isEmpty()) {
                return found;
            }
            // one array parameter, not a list of a thousand: H2 then looks each one up in the unique index
            template.query(
                            "select id, account_id, name, email, phone, portal_user_id, external_id, version"
                                    + " from contact_person where external_id = any(?)",
                            ps -> ps.setArray(1, ps.getConnection().createArrayOf("VARCHAR", externalIds.toArray())),
                            ROWS)
                    .forEach(c -> found.put(c.externalId(), c));
            return found;
        }
    }

    /** What one batch writes. */
    private static final class Plan {
        final List<Line> inserts = new ArrayList<>();
        final List<Line> updates = new ArrayList<>();
        final List<Line> stale = new ArrayList<>();
        final Map<Line, ContactPerson> promoted = new java.util.LinkedHashMap<>();
        long unchanged;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
