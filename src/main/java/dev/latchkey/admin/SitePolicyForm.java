package dev.latchkey.admin;

import java.util.List;

/** One site's row on the Login &amp; Security page. */
record SitePolicyForm(String mode, List<String> factors, Integer codeTtlMinutes) {}
