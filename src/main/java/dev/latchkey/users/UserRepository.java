package dev.latchkey.users;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserRepository extends ListCrudRepository<User, Long> {

    // declared rather than derived: a derived query builds its SQL again at every call (every password step)
    @Query("select * from app_user where login_key = :loginKey")
    Optional<User> findByLoginKey(String loginKey);

    boolean existsByAdminRoleIsNotNull();

    @Modifying
    @Query("update app_user set locked_at = null, second_factor_failures = 0 where id = :id")
    int unlock(long id);

    @Modifying
    @Query("update app_user set locked_at = :at where id = :id and locked_at is null")
    int lock(long id, Instant at);

    @Modifying
    @Query("update app_user set mfa_required = :required where id = :id")
    int updateMfaRequired(long id, boolean required);

    @Modifying
    @Query("update app_user set password_hash = :hash where id = :id")
    int updatePasswordHash(long id, String hash);

    /** Replaces a hash only while it is still {@code old}: a re-hash never undoes a reset or change made meanwhile. */
    @Modifying
    @Query("update app_user set password_hash = :hash where id = :id and password_hash = :old")
    int replacePasswordHash(long id, String old, String hash);

    @Modifying
    @Query("update app_user set email = :email, login_key = :loginKey, pending_email = null where id = :id")
    int updateEmail(long id, String email, String loginKey);

    @Modifying
    @Query("update app_user set pending_email = :pendingEmail where id = :id")
    int updatePendingEmail(long id, String pendingEmail);

    @Modifying
    @Query("update app_user set phone = :phone where id = :id")
    int updatePhone(long id, String phone);

    /** Makes the pending address the confirmed login, if it is still the one the link was sent to. */
    @Modifying
    @Query("update app_user set email = pending_email, login_key = :loginKey, email_confirmed = true,"
            + " pending_email = null where id = :id and pending_email = :email")
    int confirmPendingEmail(long id, String email, String loginKey);

    @Modifying
    @Query("update app_user set email_confirmed = true where id = :id")
    int confirmEmail(long id);

    @Modifying
    @Query("update app_user set second_factor_failures = second_factor_failures + 1,"
            + " second_factor_failed_at = :at where id = :id")
    int incrementSecondFactorFailures(long id, Instant at);

    @Modifying
    @Query("update app_user set second_factor_failures = second_factor_failures - 1"
            + " where id = :id and second_factor_failures > 0")
    int decrementSecondFactorFailures(long id);

    @Modifying
    @Query("update app_user set locked_at = :at where id = :id and locked_at is null"
            + " and second_factor_failures >= :limit")
    int lockWhenOverLimit(long id, int limit, Instant at);

    @Modifying
    @Query("update app_user set second_factor_failures = 0 where id = :id and second_factor_failures <> 0")
    int resetSecondFactorFailures(long id);
}
