package dev.latchkey.sites;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings of F-POLICY and F-CODE.
 *
 * @param codeTtl lifetime of email and SMS codes ({@code latchkey.mfa.code-ttl}, default 5 minutes)
 * @param alwaysOn F-POLICY-3: MFA required on every site and for admins, locked in the UI
 */
@ConfigurationProperties("latchkey.mfa")
record MfaProperties(Duration codeTtl, boolean alwaysOn) {

    public MfaProperties {
        if (codeTtl == null) {
            codeTtl = Duration.ofMinutes(5);
        }
        // ASVS V6.5.5 / NIST SP 800-63B: out-of-band codes live at most 10 minutes
        if (codeTtl.compareTo(Duration.ofMinutes(1)) < 0 || codeTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("latchkey.mfa.code-ttl must be between 1 and 10 minutes");
        }
    }
}
