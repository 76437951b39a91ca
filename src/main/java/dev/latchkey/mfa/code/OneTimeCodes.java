package dev.latchkey.mfa.code;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import dev.latchkey.delivery.DeliveryStatus;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.users.Users;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The challenge store of email and SMS codes (F-CODE-1..3): 6 digits, bound to one login, dead on use, on resend,
 * on expiry and after too many wrong tries; sends throttled per user.
 */
@Service
@EnableConfigurationProperties(CodeProperties.class)
class OneTimeCodes {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final OneTimeCodeRepository repository;
    private final CodeHasher hasher;
    private final Outbox outbox;
    private final CodeProperties properties;
    private final Clock clock;
    private final Users users;

    OneTimeCodes(
            OneTimeCodeRepository repository,
            CodeHasher hasher,
            Outbox outbox,
            CodeProperties properties,
            Clock clock,
            Users users) {
        this.repository = repository;
        this.hasher = hasher;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.users = users;
    }

    /**
     * Ends the login's live code, makes a new one and queues its message, all in one transaction; or answers when
     * the user may send again.
     */
    @Transactional
    public SendResult send(FactorSubject subject, String channel, BiFunction<String, Instant, OutgoingMessage> message) {
        users.lockForUpdate(subject.userId()); // parallel sends must not all pass the throttle check
        Instant now = clock.instant();
        Optional<Instant> blockedUntil = throttledUntil(subject.userId(), now);
        if (blockedUntil.isPresent()) {
            return SendResult.throttledUntil(blockedUntil.get());
        }
        repository.endLive(subject.loginId(), channel, now);
        String code = hasher.newCode();
        OneTimeCode saved = repository.save(new OneTimeCode(
                null,
                subject.userId(),
                subject.loginId(),
                channel,
                hasher.hash(subject.loginId(), code),
                now,
                now.plus(subject.codeTtl()),
                0,
                null,
                null));
        OutgoingMessage outgoing = message.apply(code, saved.expiresAt());
        outbox.enqueue(new OutgoingMessage(
                outgoing.channel(),
                outgoing.recipient(),
                outgoing.subject(),
                outgoing.body(),
                reference(saved.id()),
                subject.realm().key(),
                subject.userId()));
        return SendResult.success();
    }

    @Transactional
    public Verification verify(FactorSubject subject, String channel, String answer) {
        String code = answer == null ? "" : answer.replaceAll("[\\s-]", "");
        if (!SIX_DIGITS.matcher(code).matches()) {
            return Verification.of(Outcome.MALFORMED);
        }
        Instant now = clock.instant();
        Optional<OneTimeCode> found = repository.findFirstByLoginIdAndChannelOrderByIdDesc(subject.loginId(), channel);
        if (found.isEmpty() || !found.get().live()) {
            return Verification.of(
                    found.map(c -> "EXHAUSTED".equals(c.endReason()) ? Outcome.EXHAUSTED : Outcome.NO_CHALLENGE)
                            .orElse(Outcome.NO_CHALLENGE));
        }
        OneTimeCode current = found.get();
        if (!now.isBefore(current.expiresAt())) {
            repository.end(current.id(), "EXPIRED", now);
            return Verification.of(Outcome.EXPIRED);
        }
        if (hasher.matches(subject.loginId(), code, current.codeHash())) {
            return repository.consume(current.id(), now, properties.maxAttempts()) == 1
                    ? Verification.of(Outcome.ACCEPTED)
                    : Verification.of(Outcome.NO_CHALLENGE);
        }
        repository.countFailure(current.id());
        int attempts = repository.findById(current.id()).map(OneTimeCode::attempts).orElse(Integer.MAX_VALUE);
        if (attempts >= properties.maxAttempts()) {
            repository.end(current.id(), "EXHAUSTED", now);
            return Verification.of(Outcome.EXHAUSTED);
        }
        return new Verification(Outcome.REJECTED, properties.maxAttempts() - attempts);
    }

    /** The newest code of the login, live or not, for the code page. */
    public Optional<CodeView> current(FactorSubject subject, String channel) {
        Instant now = clock.instant();
        return repository
                .findFirstByLoginIdAndChannelOrderByIdDesc(subject.loginId(), channel)
                .map(code -> new CodeView(
                        code.id(),
                        code.expiresAt(),
                        resendAvailableAt(subject.userId(), now),
                        code.live() && now.isBefore(code.expiresAt())));
    }

    /** When the user may next send a code: now, or the end of the throttle. */
    Instant resendAvailableAt(long userId, Instant now) {
        return throttledUntil(userId, now).orElse(now);
    }

    private Optional<Instant> throttledUntil(long userId, Instant now) {
        List<Instant> sends = repository.sendTimesSince(userId, now.minus(properties.sendWindow()));
        Instant until = now;
        if (!sends.isEmpty()) {
            Instant afterLast = sends.get(sends.size() - 1).plus(properties.resendInterval());
            until = afterLast.isAfter(until) ? afterLast : until;
        }
        if (sends.size() >= properties.maxSends()) {
            Instant windowFrees = sends.get(sends.size() - properties.maxSends()).plus(properties.sendWindow());
            until = windowFrees.isAfter(until) ? windowFrees : until;
        }
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    static String reference(long codeId) {
        return "code:" + codeId;
    }

    /** The newest code of a login as the code page needs it. */
    record CodeView(long id, Instant expiresAt, Instant resendAvailableAt, boolean live) {

        CodeChallenge withDelivery(DeliveryStatus status) {
            return new CodeChallenge(expiresAt, resendAvailableAt, status, live);
        }
    }
}
