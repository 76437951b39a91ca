package dev.latchkey.admin;

import java.util.List;

/**
 * One site's row on the Login &amp; Security page: MFA mode, allowed factors, code lifetime, how many days a browser is
 * remembered (0: off; F-DEVICE) and who must sign in with a passkey (F-ASSURANCE).
 */
record SitePolicyForm(
        String mode, List<String> factors, Integer codeTtlMinutes, Integer rememberDays, String phishingResistant) {}
