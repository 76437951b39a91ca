/**
 * Sites (customer portals at {@code /sites/{slug}/}), the admin realm, and the MFA policy that decides who must
 * pass a second factor (F-POLICY-1..3). Public API: {@link dev.latchkey.sites.Sites}, {@link
 * dev.latchkey.sites.MfaPolicy}, {@link dev.latchkey.sites.Realm}, {@link dev.latchkey.sites.SiteView}.
 */
package dev.latchkey.sites;
