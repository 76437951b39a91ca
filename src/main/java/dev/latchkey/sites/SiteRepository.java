package dev.latchkey.sites;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SiteRepository extends ListCrudRepository<Site, Long> {

    // a declared query: a derived one builds its SQL again at every call, and every page looks its site up
    @Query("select * from site where slug = :slug")
    Optional<Site> findBySlug(String slug);

    List<Site> findAllByOrderByName();

    // each setting is written alone: saving the whole row would write back what another admin just changed

    @Modifying
    @Query("update site set mfa_mode = :mode, allowed_factors = :factors, code_ttl_seconds = :ttl,"
            + " policy_version = policy_version + 1 where id = :id")
    int updatePolicy(long id, String mode, String factors, Integer ttl);

    @Modifying
    @Query("update site set brand_color = :color where id = :id")
    int updateBrandColor(long id, String color);

    /**
     * Sets how long a browser is remembered and who must use a passkey, if either differs: one conditional statement,
     * so of two equal saves at once exactly one changes the row. Answers the number of rows changed.
     */
    @Modifying
    @Query("update site set remember_days = :days, phishing_resistant = :resistance,"
            + " policy_version = policy_version + 1 where id = :id"
            + " and (remember_days is distinct from :days or phishing_resistant <> :resistance)")
    int updateSignInExtras(long id, Integer days, String resistance);

    /** Bumps the policy version if it is still {@code expected}: one conditional statement, one winner. */
    @Modifying
    @Query("update site set policy_version = policy_version + 1 where id = :id and policy_version = :expected")
    int claimPolicyVersion(long id, long expected);
}
