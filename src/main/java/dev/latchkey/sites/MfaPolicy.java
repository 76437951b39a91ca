package dev.latchkey.sites;

import dev.latchkey.shared.SettingsStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who must pass a second factor (F-POLICY-1..4). The switches are read from the database on every login, so a
 * change takes effect for the next sign-in on every node.
 */
@Service
public class MfaPolicy {

    static final String ALL_SITES = "mfa.all-sites";
    static final String PLATFORM = "mfa.platform";
    static final String ADMIN_REMEMBER_DAYS = "remember.admin-days";

    /** F-DEVICE: the longest a site may remember a browser. */
    public static final int MAX_REMEMBER_DAYS = 365;

    private final SettingsStore settings;
    private final MfaProperties properties;
    private final Sites sites;
    private final ApplicationEventPublisher events;

    MfaPolicy(SettingsStore settings, MfaProperties properties, Sites sites, ApplicationEventPublisher events) {
        this.settings = settings;
        this.properties = properties;
        this.sites = sites;
        this.events = events;
    }

    /** F-POLICY-3: when true, nothing in the UI can switch MFA off. */
    public boolean alwaysOn() {
        return properties.alwaysOn();
    }

    /** F-POLICY-2 "Enable MFA for all sites". */
    public boolean allSites() {
        return alwaysOn() || flag(ALL_SITES, false);
    }

    /** F-POLICY-2 "MFA for platform logins". */
    public boolean platform() {
        return alwaysOn() || flag(PLATFORM, true);
    }

    @Transactional
    public void setAllSites(boolean on, String actor) {
        change(ALL_SITES, on, actor);
    }

    @Transactional
    public void setPlatform(boolean on, String actor) {
        change(PLATFORM, on, actor);
    }

    /** Sets one site's mode, factors and code lifetime; refused under always-on when it would weaken MFA. */
    @Transactional
    public SiteView updateSite(long siteId, MfaMode mode, Set<String> factors, Duration codeTtl, String actor) {
        if (alwaysOn() && mode != MfaMode.REQUIRED) {
            throw new PolicyLockedException();
        }
        SiteView before = sites.findById(siteId).orElseThrow();
        SiteView site = sites.updatePolicy(siteId, mode, factors, codeTtl);
        // audited when something changed: saving a row for its other settings is not a change of its MFA mode
        if (before.mfaMode() != site.mfaMode()
                || !before.allowedFactors().equals(site.allowedFactors())
                || !before.codeTtl().equals(site.codeTtl())) {
            events.publishEvent(new MfaSettingChanged(
                    "site." + site.slug(), mode + " " + site.allowedFactors() + " " + site.codeTtl(), actor));
        }
        return site;
    }

    /**
     * One site's whole sign-in policy at once, as Login &amp; Security's row of the site and the API set it, in one
     * transaction: {@link #updateSite} and {@link #updateSignInExtras}, with their audit entries. A {@code null} mode
     * under always-on is "required", as the page shows it locked; any other weaker mode is
     * {@link PolicyLockedException}. Requiring a passkey (F-ASSURANCE) allows it. With {@code expectedVersion} set, the
     * update goes ahead only if that is still the site's {@link SiteView#policyVersion()}, else
     * {@link StalePolicyException} and nothing changes: of two updates from the same version, exactly one wins.
     */
    @Transactional
    public SiteView updateSitePolicy(long siteId, SitePolicy policy, Long expectedVersion, String actor) {
        MfaMode mode = policy.mode();
        if (mode == null) {
            if (!alwaysOn()) {
                throw new IllegalArgumentException("a site's MFA mode is required");
            }
            mode = MfaMode.REQUIRED;
        }
        if (alwaysOn() && mode != MfaMode.REQUIRED) {
            throw new PolicyLockedException();
        }
        if (expectedVersion != null && !sites.claimPolicyVersion(siteId, expectedVersion)) {
            throw new StalePolicyException();
        }
        Set<String> factors = new LinkedHashSet<>(policy.factors());
        if (policy.phishingResistant() != PhishingResistance.OFF) {
            factors.add("passkey");
        }
        updateSite(siteId, mode, factors, policy.codeTtl(), actor);
        return updateSignInExtras(siteId, policy.rememberDays(), policy.phishingResistant(), actor);
    }

    /**
     * F-DEVICE and F-ASSURANCE for one site: how many days a browser may skip the second factor (null: off, else 1 to
     * {@link #MAX_REMEMBER_DAYS}) and who must use a passkey. Audited (and announced) only when something changed.
     */
    @Transactional
    public SiteView updateSignInExtras(long siteId, Integer rememberDays, PhishingResistance resistance, String actor) {
        java.util.Optional<SiteView> changed = sites.updateSignInExtras(siteId, checkedDays(rememberDays), resistance);
        if (changed.isEmpty()) {
            return sites.findById(siteId).orElseThrow();
        }
        SiteView site = changed.get();
        events.publishEvent(new SignInPolicyChanged(site.slug(), site.rememberDays(), site.phishingResistant()));
        events.publishEvent(new MfaSettingChanged(
                "site." + site.slug() + ".sign-in",
                "remember=" + (rememberDays == null ? "off" : rememberDays + "d") + " phishing-resistant=" + resistance,
                actor));
        return site;
    }

    /** F-DEVICE: how many days the admin site remembers a browser; empty (the default) when it does not. */
    public java.util.Optional<Integer> adminRememberDays() {
        return settings.get(ADMIN_REMEMBER_DAYS)
                .filter(v -> v.matches("[0-9]{1,3}"))
                .map(Integer::valueOf);
    }

    @Transactional
    public void setAdminRememberDays(Integer days, String actor) {
        Integer checked = checkedDays(days);
        if (java.util.Objects.equals(adminRememberDays().orElse(null), checked)) {
            return;
        }
        settings.put(ADMIN_REMEMBER_DAYS, checked == null ? "off" : checked.toString());
        events.publishEvent(new SignInPolicyChanged(Realm.ADMIN_KEY, checked, PhishingResistance.OFF));
        events.publishEvent(new MfaSettingChanged("admin.remember", checked == null ? "off" : checked + "d", actor));
    }

    private static Integer checkedDays(Integer days) {
        if (days != null && (days < 1 || days > MAX_REMEMBER_DAYS)) {
            throw new IllegalArgumentException("remember days out of range");
        }
        return days;
    }

    /**
     * The second step for one login. A user who enabled an authenticator keeps it even where the site's mode is off:
     * they asked for it, and dropping it silently would weaken their account.
     */
    public SecondStep decide(Realm realm, boolean userMfaRequired, boolean hasAuthenticator) {
        boolean personal = userMfaRequired || hasAuthenticator;
        if (realm.isAdmin()) {
            return new SecondStep(
                    platform() || personal,
                    Set.copyOf(Sites.FACTORS),
                    properties.codeTtl(),
                    false,
                    adminRememberDays().map(Duration::ofDays).orElse(null));
        }
        SiteView site = sites.findById(realm.siteId()).orElseThrow();
        // F-ASSURANCE: a site that requires phishing-resistant sign-in requires a second step, and a passkey
        boolean phishingResistant = site.phishingResistant().appliesTo(userMfaRequired);
        boolean required = allSites() || site.mfaMode() == MfaMode.REQUIRED || personal || phishingResistant;
        Set<String> factors = new LinkedHashSet<>(site.allowedFactors());
        if (required && factors.isEmpty()) {
            factors.add("email");
        }
        if (phishingResistant) {
            factors.add("passkey");
        }
        Duration remember = site.rememberDays() == null ? null : Duration.ofDays(site.rememberDays());
        return new SecondStep(required, factors, site.codeTtl(), phishingResistant, remember);
    }

    private boolean flag(String name, boolean fallback) {
        return settings.get(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    private void change(String name, boolean on, String actor) {
        if (alwaysOn() && !on) {
            throw new PolicyLockedException();
        }
        if (settings.get(name).map(Boolean::parseBoolean).orElse(null) == Boolean.valueOf(on)) {
            return;
        }
        settings.put(name, Boolean.toString(on));
        events.publishEvent(new MfaSettingChanged(name, Boolean.toString(on), actor));
    }
}
