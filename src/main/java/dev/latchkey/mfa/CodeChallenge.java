package dev.latchkey.mfa;

import dev.latchkey.delivery.DeliveryStatus;
import java.time.Instant;

/**
 * Where the code of one login stands, for the code page: whether a code works in this login, when it was sent and
 * expires, when Resend becomes available, and how delivery stands. {@code sentAt}, {@code expiresAt} and
 * {@code delivery} describe this login's newest code; they are null for {@link Status#NONE} and
 * {@link Status#ELSEWHERE}.
 */
public record CodeChallenge(
        Status status, Instant sentAt, Instant expiresAt, Instant resendAvailableAt, DeliveryStatus delivery) {

    public enum Status {
        /** No code was made for this login yet (its send was throttled). */
        NONE,
        /** The code sent for this login works. */
        LIVE,
        /**
         * A code for this login is made, and its message waits until the resend interval ends (this sign-in started
         * soon after another code was sent); {@code sentAt} says when it goes out. Earlier codes no longer work.
         */
        WAITING,
        /** Only the newest code works, and it belongs to another sign-in of the same user. */
        ELSEWHERE,
        /** This login's code no longer works: used, expired, out of tries, or replaced by Resend. */
        ENDED
    }

    /** Whether a code works in this login now. */
    public boolean live() {
        return status == Status.LIVE;
    }

    /** Whether this login's code is live and its message could not be delivered (yet). */
    public boolean deliveryFailing() {
        return live() && delivery != null && delivery.failing();
    }
}
