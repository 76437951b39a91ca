package dev.latchkey.api.sites;

import dev.latchkey.sites.SiteView;
import java.util.List;
import java.util.Locale;

/**
 * A site's MFA policy as Login &amp; Security shows it: mode ({@code off}, {@code optional}, {@code required}), allowed
 * factors, the code lifetime in minutes (the effective one), how many days a browser is remembered (0: off), who must
 * use a passkey ({@code off}, {@code flagged}, {@code all}), and, read-only, whether always-on locks the mode.
 */
record MfaPolicyJson(
        String mode,
        List<String> factors,
        long codeTtlMinutes,
        int rememberDays,
        String phishingResistant,
        boolean alwaysOn) {

    static MfaPolicyJson of(SiteView site, boolean alwaysOn) {
        return new MfaPolicyJson(
                site.mfaMode().name().toLowerCase(Locale.ROOT),
                List.copyOf(site.allowedFactors()),
                site.codeTtl().toMinutes(),
                site.rememberDays() == null ? 0 : site.rememberDays(),
                site.phishingResistant().name().toLowerCase(Locale.ROOT),
                alwaysOn);
    }
}
