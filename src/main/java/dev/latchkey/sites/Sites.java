package dev.latchkey.sites;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sites of this deployment. */
@Service
public class Sites {

    /** Factors a site may allow, in the order the chooser shows them. */
    public static final List<String> FACTORS = List.of("passkey", "email", "sms", "totp", "backup");

    /** F-DEVICE: a new site lets a browser skip the second factor for 30 days after one. */
    public static final int DEFAULT_REMEMBER_DAYS = 30;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final SiteRepository repository;
    private final MfaProperties properties;
    private final Clock clock;

    Sites(SiteRepository repository, MfaProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<SiteView> findBySlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return repository.findBySlug(slug).map(this::view);
    }

    public Optional<SiteView> findById(long id) {
        return repository.findById(id).map(this::view);
    }

    /** The realm of a user: their site's, or the admin site's for a user without a site (an admin). */
    public Realm realmOf(Long siteId) {
        return siteId == null
                ? Realm.ADMIN
                : findById(siteId).map(SiteView::realm).orElse(Realm.ADMIN);
    }

    public List<SiteView> all() {
        return repository.findAllByOrderByName().stream().map(this::view).toList();
    }

    @Transactional
    public SiteView create(SiteDraft draft) {
        if (!SLUG.matcher(draft.slug()).matches() || Realm.ADMIN_KEY.equals(draft.slug())) {
            throw new IllegalArgumentException("A site slug is 2-40 lower-case letters, digits or dashes");
        }
        Site site = new Site(
                null,
                draft.slug(),
                draft.name(),
                draft.defaultRegion(),
                draft.mfaMode(),
                joinFactors(draft.allowedFactors()),
                null,
                null,
                clock.instant(),
                DEFAULT_REMEMBER_DAYS,
                PhishingResistance.OFF,
                0);
        return view(repository.save(site));
    }

    /** Sets a site's MFA mode, allowed factors and code lifetime (null: the deployment default). */
    @Transactional
    public SiteView updatePolicy(long siteId, MfaMode mode, Set<String> factors, Duration codeTtl) {
        Integer ttl = codeTtl == null ? null : Math.toIntExact(codeTtl.toSeconds());
        if (repository.updatePolicy(siteId, mode.name(), joinFactors(factors), ttl) == 0) {
            throw new java.util.NoSuchElementException("no site " + siteId);
        }
        return findById(siteId).orElseThrow();
    }

    /**
     * F-DEVICE / F-ASSURANCE: how long a browser is remembered (null: off) and who must use a passkey. Answers the site
     * as saved, or empty when it already said so (of two equal saves at once, one changes it).
     */
    @Transactional
    public Optional<SiteView> updateSignInExtras(long siteId, Integer rememberDays, PhishingResistance resistance) {
        if (repository.updateSignInExtras(siteId, rememberDays, resistance.name()) == 0) {
            return Optional.empty();
        }
        return findById(siteId);
    }

    /**
     * Claims version {@code expected} of the site's policy for the caller's transaction: bumps it if it is still the
     * current one, holding the row lock until the transaction ends. False when another write came first (or there is no
     * such site), so of two updates based on the same version exactly one goes ahead.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    boolean claimPolicyVersion(long siteId, long expected) {
        return repository.claimPolicyVersion(siteId, expected) == 1;
    }

    private SiteView view(Site site) {
        Duration ttl = site.codeTtlSeconds() == null ? properties.codeTtl() : Duration.ofSeconds(site.codeTtlSeconds());
        return new SiteView(
                site.id(),
                site.slug(),
                site.name(),
                site.defaultRegion(),
                site.mfaMode(),
                splitFactors(site.allowedFactors()),
                ttl,
                site.brandColor(),
                site.rememberDays(),
                site.phishingResistant() == null ? PhishingResistance.OFF : site.phishingResistant(),
                site.policyVersion());
    }

    private static String joinFactors(Set<String> factors) {
        return String.join(",", FACTORS.stream().filter(factors::contains).toList());
    }

    private static Set<String> splitFactors(String factors) {
        Set<String> result = new LinkedHashSet<>();
        Arrays.stream(factors.split(","))
                .map(String::trim)
                .filter(FACTORS::contains)
                .forEach(result::add);
        return Collections.unmodifiableSet(result);
    }
}
