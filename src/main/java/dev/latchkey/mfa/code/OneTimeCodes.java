package dev.latchkey.mfa.code;

import dev.latchkey.delivery.DeliveryStatus;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.CodeChallenge.Status;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.TypedCode;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.users.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The challenge store of email and SMS codes (F-CODE-1..3): 6 digits, bound to one login, dead on use, on resend, on
 * expiry, after too many wrong tries, and when a newer code is made for the user: only the newest code of a user works,
 * in the login it was made for. Sends throttled per user ({@link SendThrottle}).
 */
@Service
@EnableConfigurationProperties(CodeProperties.class)
class OneTimeCodes {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final OneTimeCodeRepository repository;
    private final CodeHasher hasher;
    private final Outbox outbox;
    private final SendThrottle throttle;
    private final Clock clock;
    private final Users users;
    private final int maxAttempts;

    OneTimeCodes(
            OneTimeCodeRepository repository,
            CodeHasher hasher,
            Outbox outbox,
            SendThrottle throttle,
            CodeProperties properties,
            Clock clock,
            Users users) {
        this.repository = repository;
        this.hasher = hasher;
        this.outbox = outbox;
        this.throttle = throttle;
        this.clock = clock;
        this.users = users;
        this.maxAttempts = properties.maxAttempts();
    }

    /**
     * Ends the user's live codes, makes a new one for this login and queues its message, all in one transaction; or
     * answers when the user may send again.
     *
     * <p>F-CODE-3: a login that holds no code yet (a sign-in started while the resend interval still ran, say in a
     * second window) is not left without one. Its code is made now, the user's earlier codes stop working now, and its
     * message waits in the outbox until the interval ends: the throttle holds and nothing extra goes out. A newer such
     * login replaces a code whose message is still waiting, before it goes out.
     */
    @Transactional
    public SendResult send(
            FactorSubject subject, String channel, BiFunction<String, Instant, OutgoingMessage> message) {
        users.lockForUpdate(subject.userId()); // parallel sends must not all pass the throttle check
        Instant now = clock.instant();
        boolean withoutCode = repository.countLiveOfLogin(subject.loginId(), now) == 0;
        SendThrottle.Verdict verdict = throttle.check(subject.userId(), channel, now);
        if (!verdict.onlyInterval(now)) {
            // the window is full: this sign-in makes no code, so it ends and withdraws none of the user's codes
            return SendResult.throttledUntil(verdict.until());
        }
        if (withoutCode && withdrawUnsent(subject.userId(), now)) {
            verdict = throttle.check(subject.userId(), channel, now); // the withdrawn message no longer holds it back
        }
        Instant goesOut;
        if (verdict.open(now)) {
            goesOut = now;
        } else if (withoutCode && verdict.onlyInterval(now)) {
            goesOut = verdict.intervalEnds();
        } else {
            return SendResult.throttledUntil(verdict.until());
        }
        repository.endLiveOfUser(subject.userId(), subject.loginId(), now);
        String code = hasher.newCode();
        OneTimeCode saved = repository.save(new OneTimeCode(
                null,
                subject.userId(),
                subject.loginId(),
                channel,
                hasher.hash(subject.loginId(), code),
                goesOut,
                goesOut.plus(subject.codeTtl()),
                0,
                null,
                null));
        OutgoingMessage outgoing = message.apply(code, saved.expiresAt());
        OutgoingMessage referenced = new OutgoingMessage(
                outgoing.channel(),
                outgoing.recipient(),
                outgoing.subject(),
                outgoing.body(),
                reference(saved.id()),
                subject.realm().key(),
                subject.userId());
        if (goesOut.isAfter(now)) {
            outbox.enqueue(referenced, goesOut);
            return SendResult.goesOutAt(goesOut);
        }
        outbox.enqueue(referenced);
        return SendResult.success();
    }

    /**
     * Codes of the user whose message still waits: withdrawn, unless a worker is sending it right now. Answers whether
     * any was.
     */
    private boolean withdrawUnsent(long userId, Instant now) {
        boolean withdrawn = false;
        for (OneTimeCode waiting : repository.findUnsent(userId, now)) {
            if (outbox.withdraw(reference(waiting.id()))) {
                repository.end(waiting.id(), CodeEndReason.UNSENT, now);
                withdrawn = true;
            }
        }
        return withdrawn;
    }

    @Transactional
    public Verification verify(FactorSubject subject, String channel, String answer) {
        String code = TypedCode.oneTimeCode(answer);
        if (!SIX_DIGITS.matcher(code).matches()) {
            return Verification.of(Outcome.MALFORMED);
        }
        Instant now = clock.instant();
        Optional<OneTimeCode> found = repository.findFirstByLoginIdAndChannelOrderByIdDesc(subject.loginId(), channel);
        if (found.isEmpty() || !found.get().live()) {
            if (liveElsewhere(subject, now)) {
                return Verification.of(Outcome.SUPERSEDED);
            }
            return Verification.of(
                    found.map(c -> c.endReason() == CodeEndReason.EXHAUSTED ? Outcome.EXHAUSTED : Outcome.NO_CHALLENGE)
                            .orElse(Outcome.NO_CHALLENGE));
        }
        OneTimeCode current = found.get();
        if (now.isBefore(current.createdAt())) {
            return Verification.of(Outcome.NOT_SENT_YET); // whatever was typed, it cannot be this code
        }
        if (!now.isBefore(current.expiresAt())) {
            repository.end(current.id(), CodeEndReason.EXPIRED, now);
            return Verification.of(Outcome.EXPIRED);
        }
        if (hasher.matches(subject.loginId(), code, current.codeHash())) {
            return repository.consume(current.id(), now, maxAttempts) == 1
                    ? Verification.of(Outcome.ACCEPTED)
                    : Verification.of(liveElsewhere(subject, now) ? Outcome.SUPERSEDED : Outcome.NO_CHALLENGE);
        }
        repository.countFailure(current.id());
        int attempts =
                repository.findById(current.id()).map(OneTimeCode::attempts).orElse(Integer.MAX_VALUE);
        if (attempts >= maxAttempts) {
            repository.end(current.id(), CodeEndReason.EXHAUSTED, now);
            return Verification.of(Outcome.EXHAUSTED);
        }
        return new Verification(Outcome.REJECTED, maxAttempts - attempts);
    }

    /** Where the code of the login stands, for the code page. */
    public CodeView current(FactorSubject subject, String channel) {
        Instant now = clock.instant();
        Optional<OneTimeCode> own = repository.findFirstByLoginIdAndChannelOrderByIdDesc(subject.loginId(), channel);
        boolean ownLive =
                own.isPresent() && own.get().live() && now.isBefore(own.get().expiresAt());
        SendThrottle.Verdict verdict = throttle.check(subject.userId(), channel, now);
        // a login without a live code may always ask: within the interval, its code waits for the interval's end
        boolean canAsk = repository.countLiveOfLogin(subject.loginId(), now) == 0 && verdict.onlyInterval(now);
        Instant resendAt = canAsk ? now : verdict.until();
        if (ownLive) {
            OneTimeCode code = own.get();
            return new CodeView(
                    code.id(),
                    now.isBefore(code.createdAt()) ? Status.WAITING : Status.LIVE,
                    code.createdAt(),
                    code.expiresAt(),
                    resendAt);
        }
        if (liveElsewhere(subject, now)) {
            return new CodeView(null, Status.ELSEWHERE, null, null, resendAt);
        }
        return own.map(code -> new CodeView(code.id(), Status.ENDED, code.createdAt(), code.expiresAt(), resendAt))
                .orElseGet(() -> new CodeView(null, Status.NONE, null, null, resendAt));
    }

    /** Whether the user's one live code is in another login than this one. */
    private boolean liveElsewhere(FactorSubject subject, Instant now) {
        return repository
                .findNewestLive(subject.userId(), now)
                .filter(code -> !code.loginId().equals(subject.loginId()))
                .isPresent();
    }

    static String reference(long codeId) {
        return "code:" + codeId;
    }

    /** Where the code of a login stands, as the code page needs it; {@code id} is that of this login's newest code. */
    record CodeView(Long id, Status status, Instant sentAt, Instant expiresAt, Instant resendAvailableAt) {

        CodeChallenge withDelivery(DeliveryStatus delivery) {
            return new CodeChallenge(status, sentAt, expiresAt, resendAvailableAt, delivery);
        }
    }
}
