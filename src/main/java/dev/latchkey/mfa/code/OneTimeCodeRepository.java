package dev.latchkey.mfa.code;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OneTimeCodeRepository extends ListCrudRepository<OneTimeCode, Long> {

    // declared rather than derived: a derived query builds its SQL again at every call
    @Query("select * from one_time_code where login_id = :loginId and channel = :channel order by id desc limit 1")
    Optional<OneTimeCode> findFirstByLoginIdAndChannelOrderByIdDesc(String loginId, String channel);

    @Query("select created_at from one_time_code where user_id = :userId and created_at > :since"
            + " order by created_at")
    List<Instant> sendTimesSince(long userId, Instant since);

    /** Ends every live code of a login and channel (Resend). */
    @Modifying
    @Query("update one_time_code set ended_at = :now, end_reason = 'RESENT'"
            + " where login_id = :loginId and channel = :channel and ended_at is null")
    int endLive(String loginId, String channel, Instant now);

    /** Uses a code up. Of two concurrent callers exactly one gets 1. */
    @Modifying
    @Query("update one_time_code set ended_at = :now, end_reason = 'USED'"
            + " where id = :id and ended_at is null and attempts < :maxAttempts and expires_at > :now")
    int consume(long id, Instant now, int maxAttempts);

    @Modifying
    @Query("update one_time_code set attempts = attempts + 1 where id = :id and ended_at is null")
    int countFailure(long id);

    @Modifying
    @Query("update one_time_code set ended_at = :now, end_reason = :reason where id = :id and ended_at is null")
    int end(long id, String reason, Instant now);
}
