package dev.latchkey.mfa.code;

import dev.latchkey.delivery.Outbox;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * F-CODE-3: one send per {@code resend-interval} and {@code max-sends} per {@code send-window}, per user, over all
 * channels, read from the code table (ADR 0002). The interval runs from the newest send, except that a code by another
 * channel whose message has not gone out (its delivery is failing) does not hold this one back: a user whose SMS cannot
 * be delivered gets the code by email at once (F-CODE-4). It still counts towards {@code max-sends}, as does a code
 * withdrawn before its message went out (a newer sign-in replaced it).
 */
@Component
class SendThrottle {

    private final OneTimeCodeRepository repository;
    private final Outbox outbox;
    private final CodeProperties properties;

    SendThrottle(OneTimeCodeRepository repository, Outbox outbox, CodeProperties properties) {
        this.repository = repository;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** When the interval since the last send ends, and when the window has room for another send. */
    record Verdict(Instant intervalEnds, Instant windowFrees) {

        boolean open(Instant now) {
            return !intervalEnds.isAfter(now) && !windowFrees.isAfter(now);
        }

        /** Whether only the interval holds a send back, not the number of sends. */
        boolean onlyInterval(Instant now) {
            return !windowFrees.isAfter(now);
        }

        Instant until() {
            return intervalEnds.isAfter(windowFrees) ? intervalEnds : windowFrees;
        }
    }

    Verdict check(long userId, String channel, Instant now) {
        List<OneTimeCode> sends = repository.sentSince(userId, now.minus(properties.sendWindow()));
        Instant intervalEnds = now;
        for (int i = sends.size() - 1; i >= 0; i--) {
            OneTimeCode send = sends.get(i);
            if (send.endReason() == CodeEndReason.UNSENT) {
                continue; // withdrawn before it went out: the interval runs from the last message that did
            }
            Instant afterIt = send.createdAt().plus(properties.resendInterval());
            if (!afterIt.isAfter(now)) {
                break; // this send's interval is over, and every earlier one's too
            }
            if (!send.channel().equals(channel)
                    && outbox.statusOf(OneTimeCodes.reference(send.id())).failing()) {
                continue;
            }
            intervalEnds = afterIt;
            break;
        }
        Instant windowFrees = now;
        if (sends.size() >= properties.maxSends()) {
            windowFrees =
                    sends.get(sends.size() - properties.maxSends()).createdAt().plus(properties.sendWindow());
        }
        return new Verdict(intervalEnds, windowFrees);
    }
}
