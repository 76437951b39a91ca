package dev.latchkey.api.sites;

import dev.latchkey.sites.SiteView;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The strong ETag of a site's policy, {@code "<site id>-v<policy version>"}, and the {@code If-Match} check: absent
 * passes, {@code *} passes, otherwise one of the listed tags must be the current one, or 412. Stands in for the shared
 * {@code ETags} of the API contract until that exists.
 */
final class PolicyETag {

    private PolicyETag() {}

    static String of(SiteView site) {
        return "\"" + site.id() + "-v" + site.policyVersion() + "\"";
    }

    static void check(String ifMatch, String current) {
        if (ifMatch == null) {
            return;
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "The policy changed since it was read.");
        }
    }
}
