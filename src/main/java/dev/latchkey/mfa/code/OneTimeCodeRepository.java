package dev.latchkey.mfa.code;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * A code's {@code created_at} is when its message goes out: the time of the send, or a little later for a code made
 * while the resend interval still ran (F-CODE-3), whose message waits in the outbox until then.
 */
interface OneTimeCodeRepository extends ListCrudRepository<OneTimeCode, Long> {

    // declared rather than derived: a derived query builds its SQL again at every call
    @Query("select * from one_time_code where login_id = :loginId and channel = :channel order by id desc limit 1")
    Optional<OneTimeCode> findFirstByLoginIdAndChannelOrderByIdDesc(String loginId, String channel);

    /** Whether the login holds a code that works, or will once its message goes out, of any channel. */
    @Query("select count(*) from one_time_code where login_id = :loginId and ended_at is null and expires_at > :now")
    int countLiveOfLogin(String loginId, Instant now);

    /**
     * The user's codes made since {@code since} (and those due to go out), oldest first: the resend throttle's input. A
     * code withdrawn before its message went out ({@link CodeEndReason#UNSENT}) was never sent, but it still counts
     * towards the number of codes in the window: each sign-in that makes one ends the user's other codes, so a password
     * holder signing in again and again may do that only as often as the window allows.
     */
    @Query("select * from one_time_code where user_id = :userId and created_at > :since order by created_at, id")
    List<OneTimeCode> sentSince(long userId, Instant since);

    /** The user's codes whose message has not gone out yet. */
    @Query("select * from one_time_code where user_id = :userId and ended_at is null and created_at > :now")
    List<OneTimeCode> findUnsent(long userId, Instant now);

    /** The user's newest code that works or will, in whichever login it is, of any channel. */
    @Query("select * from one_time_code where user_id = :userId and ended_at is null and expires_at > :now"
            + " order by id desc limit 1")
    Optional<OneTimeCode> findNewestLive(long userId, Instant now);

    /**
     * Ends every live code of the user before a new one is made, so only the newest code works: the login's own ones as
     * {@link CodeEndReason#RESENT}, those of the user's other logins as {@link CodeEndReason#SUPERSEDED}.
     */
    default int endLiveOfUser(long userId, String loginId, Instant now) {
        return endLiveOfUser(userId, loginId, now, CodeEndReason.RESENT, CodeEndReason.SUPERSEDED);
    }

    @Modifying
    @Query("update one_time_code set ended_at = :now,"
            + " end_reason = case when login_id = :loginId then :ownReason else :otherReason end"
            + " where user_id = :userId and ended_at is null")
    int endLiveOfUser(long userId, String loginId, Instant now, CodeEndReason ownReason, CodeEndReason otherReason);

    /** Uses a code up ({@link CodeEndReason#USED}). Of two concurrent callers exactly one gets 1. */
    default int consume(long id, Instant now, int maxAttempts) {
        return consume(id, now, maxAttempts, CodeEndReason.USED);
    }

    @Modifying
    @Query("update one_time_code set ended_at = :now, end_reason = :reason"
            + " where id = :id and ended_at is null and attempts < :maxAttempts and expires_at > :now")
    int consume(long id, Instant now, int maxAttempts, CodeEndReason reason);

    @Modifying
    @Query("update one_time_code set attempts = attempts + 1 where id = :id and ended_at is null")
    int countFailure(long id);

    @Modifying
    @Query("update one_time_code set ended_at = :now, end_reason = :reason where id = :id and ended_at is null")
    int end(long id, CodeEndReason reason, Instant now);
}
