package dev.latchkey.api.sites;

import dev.latchkey.api.ApiCaller;
import dev.latchkey.api.ApiPage;
import dev.latchkey.api.ETags;
import dev.latchkey.api.users.BadParameter;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.PolicyLockedException;
import dev.latchkey.sites.SitePolicy;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.sites.StalePolicyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * F-API-1 sites and their MFA policy, set through the same {@link MfaPolicy#updateSitePolicy} as Login &amp; Security.
 * The policy's ETag is its version; with {@code If-Match} an update goes ahead only from that version, checked again
 * inside the update's transaction, so of two updates from the same version exactly one wins and the other is a 412.
 */
@RestController
@RequestMapping(path = "/api/v1/sites", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sites", description = "Sites and their MFA policy")
class SitesApiController {

    private final Sites sites;
    private final MfaPolicy policy;

    SitesApiController(Sites sites, MfaPolicy policy) {
        this.sites = sites;
        this.policy = policy;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "List sites", description = "Every site, by name; one page (`next` is always null).")
    @ApiResponse(
            responseCode = "200",
            description = "The sites",
            content = @Content(examples = @ExampleObject(name = "sites", value = SiteExamples.SITES)))
    ApiPage<SiteJson> list() {
        boolean alwaysOn = policy.alwaysOn();
        return new ApiPage<>(
                sites.all().stream().map(s -> SiteJson.of(s, alwaysOn)).toList(), null);
    }

    @GetMapping("/{slug}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Get a site", description = "404 for an unknown slug.")
    @ApiResponse(
            responseCode = "200",
            description = "The site",
            content = @Content(examples = @ExampleObject(name = "site", value = SiteExamples.SITE)))
    SiteJson get(@PathVariable String slug) {
        return SiteJson.of(site(slug), policy.alwaysOn());
    }

    @GetMapping("/{slug}/mfa-policy")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(
            summary = "Get a site's MFA policy",
            description = "With an ETag to send back as If-Match when updating it.")
    @ApiResponse(
            responseCode = "200",
            description = "The policy",
            content = @Content(examples = @ExampleObject(name = "policy", value = SiteExamples.POLICY)))
    ResponseEntity<MfaPolicyJson> getPolicy(@PathVariable String slug) {
        return policyResponse(site(slug));
    }

    @PutMapping(path = "/{slug}/mfa-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_sites:write')")
    @Operation(
            summary = "Update a site's MFA policy",
            description = "Replaces the whole policy, as Login & Security's row of the site does; audited with the"
                    + " token's name. Send the ETag of the policy read as If-Match: a policy changed since is a 412"
                    + " and nothing changes. Under always-on the mode is locked to required (leave it out or send"
                    + " required; anything weaker is a 409). Requiring a passkey allows it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "policy", value = SiteExamples.POLICY_PUT))))
    @ApiResponse(
            responseCode = "200",
            description = "The policy as saved, with its new ETag",
            content = @Content(examples = @ExampleObject(name = "policy", value = SiteExamples.POLICY)))
    ResponseEntity<MfaPolicyJson> putPolicy(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MfaPolicyRequest body) {
        SiteView site = site(slug);
        ETags.check(ifMatch, etag(site));
        if (body.mode() == null && !policy.alwaysOn()) {
            throw BadParameter.of("mode", "must not be null");
        }
        MfaMode mode = body.mode() == null ? null : MfaMode.valueOf(body.mode().toUpperCase(Locale.ROOT));
        Integer remember = body.rememberDays() == null || body.rememberDays() == 0 ? null : body.rememberDays();
        SitePolicy wanted = new SitePolicy(
                mode,
                new HashSet<>(body.factors()),
                body.codeTtlMinutes() == null ? null : Duration.ofMinutes(body.codeTtlMinutes()),
                remember,
                PhishingResistance.valueOf(body.phishingResistant().toUpperCase(Locale.ROOT)));
        try {
            Long expected = ifMatch == null ? null : site.policyVersion();
            return policyResponse(policy.updateSitePolicy(site.id(), wanted, expected, caller.actor()));
        } catch (StalePolicyException ex) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "The policy changed since it was read");
        } catch (PolicyLockedException ex) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "MFA is locked on (always-on): the mode stays required");
        }
    }

    private ResponseEntity<MfaPolicyJson> policyResponse(SiteView site) {
        return ResponseEntity.ok().eTag(etag(site)).body(MfaPolicyJson.of(site, policy.alwaysOn()));
    }

    private static String etag(SiteView site) {
        return ETags.of(site.id(), site.policyVersion());
    }

    private SiteView site(String slug) {
        return sites.findBySlug(slug).orElseThrow(NotFoundException::new);
    }
}
