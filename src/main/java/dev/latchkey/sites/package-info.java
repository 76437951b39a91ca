/**
 * Sites (customer portals at {@code /sites/{slug}/}), the admin realm, the MFA policy that decides who must pass a
 * second factor (F-POLICY: per site, for all sites, for platform logins, always-on, and a user's "2FA required" flag as
 * the caller passes it in) and each site's branding (colour and logo).
 *
 * <p>Public API: {@link dev.latchkey.sites.Sites}, {@link dev.latchkey.sites.SiteView},
 * {@link dev.latchkey.sites.SiteDraft}, {@link dev.latchkey.sites.Realm}, {@link dev.latchkey.sites.MfaPolicy} with
 * {@link dev.latchkey.sites.SitePolicy}, {@link dev.latchkey.sites.StalePolicyException},
 * {@link dev.latchkey.sites.MfaMode}, {@link dev.latchkey.sites.PhishingResistance},
 * {@link dev.latchkey.sites.Assurance}, {@link dev.latchkey.sites.SecondStep} and
 * {@link dev.latchkey.sites.PolicyLockedException}, {@link dev.latchkey.sites.Branding} with
 * {@link dev.latchkey.sites.BrandColors} and {@link dev.latchkey.sites.InvalidBrandingException}; events
 * {@link dev.latchkey.sites.MfaSettingChanged}, {@link dev.latchkey.sites.SignInPolicyChanged} and
 * {@link dev.latchkey.sites.BrandingChanged}.
 */
@ApplicationModule(allowedDependencies = "shared")
package dev.latchkey.sites;

import org.springframework.modulith.ApplicationModule;
