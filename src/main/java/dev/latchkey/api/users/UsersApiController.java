package dev.latchkey.api.users;

import dev.latchkey.api.ApiCaller;
import dev.latchkey.api.ApiPage;
import dev.latchkey.api.Cursors;
import dev.latchkey.directory.DirectoryQuery;
import dev.latchkey.directory.DirectoryRow;
import dev.latchkey.directory.DirectorySlice;
import dev.latchkey.directory.UserActions;
import dev.latchkey.directory.UserDirectory;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Sites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * F-API-1 portal users: the list of the admin's Users page (same filters, keyset pages) and its actions, through the
 * same {@link UserDirectory} and {@link UserActions} as the admin site, so effect, audit entry and email are the same;
 * the audit names the token ({@link ApiCaller#actor()}). A token is system-wide: every site's portal users. Admins
 * (users of no site) are not portal users and are "not found" here.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "Portal users: list, get, and the admin actions on a user")
class UsersApiController {

    /** The list name in this list's cursors ({@link Cursors#ofId}). */
    static final String LIST = "users";

    private final UserDirectory directory;
    private final UserActions actions;
    private final Sites sites;

    UsersApiController(UserDirectory directory, UserActions actions, Sites sites) {
        this.directory = directory;
        this.actions = actions;
        this.sites = sites;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(
            summary = "List portal users",
            description = "Portal users of every site, oldest account first, filtered like the admin's Users page."
                    + " Pass `next` back as `cursor` for the following page; `next` is null on the last page. An"
                    + " unknown filter value is a 400 problem naming the parameter.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of users",
            content = @Content(examples = @ExampleObject(name = "users", value = UserExamples.PAGE)))
    ApiPage<UserJson> list(
            @Parameter(description = "Site slug", example = "acme") @RequestParam(required = false) String site,
            @Parameter(description = "2FA status: activated or not-activated", example = "not-activated")
                    @RequestParam(required = false)
                    String mfa,
            @Parameter(description = "Strongest factor: passkey, totp, sms, email or none", example = "email")
                    @RequestParam(required = false)
                    String strongest,
            @Parameter(description = "Part of the name or email address, any case") @RequestParam(required = false)
                    String q,
            @Parameter(description = "Page size, 1 to 200 (default 50)", example = "50") @RequestParam(required = false)
                    String limit,
            @Parameter(description = "The `next` of the previous page") @RequestParam(required = false) String cursor) {
        DirectoryQuery query = UserFilters.read(sites, site, mfa, strongest, q);
        int size = ApiPage.limit(limit, ApiPage.DEFAULT_LIMIT);
        DirectorySlice slice = directory.after(query, Cursors.id(LIST, cursor, "cursor"), size);
        List<UserJson> items = slice.rows().stream().map(UserJson::of).toList();
        Long last = slice.lastId();
        return new ApiPage<>(items, last == null ? null : Cursors.ofId(LIST, last));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Get a portal user", description = "404 for an unknown id and for admins.")
    @ApiResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(examples = @ExampleObject(name = "user", value = UserExamples.USER)))
    UserJson get(@PathVariable long id) {
        return UserJson.of(portalUser(id));
    }

    @PostMapping(path = "/{id}/require-2fa", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Set \"2FA required\"",
            description = "Sets the flag to the value sent (repeating it changes nothing more); audited as on the"
                    + " admin's Users page.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "require", value = "{\"required\": true}"))))
    @ApiResponse(
            responseCode = "200",
            description = "The user as it is now",
            content = @Content(examples = @ExampleObject(name = "user", value = UserExamples.USER)))
    UserJson require(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @Valid @RequestBody RequireMfaRequest body) {
        return UserJson.of(act(caller, id, (user, actor) -> actions.requireMfa(user, body.required(), actor)));
    }

    @PostMapping("/{id}/delete-2fa")
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Delete the 2FA setup",
            description = "Removes the user's authenticator app, passkeys and backup codes and ends every session of"
                    + " theirs; audited and emailed to the user.")
    @ApiResponse(
            responseCode = "200",
            description = "The user as it is now",
            content = @Content(examples = @ExampleObject(name = "user", value = UserExamples.USER)))
    UserJson deleteTwoFactor(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        return UserJson.of(act(caller, id, actions::deleteTwoFactorSetup));
    }

    @PostMapping("/{id}/lock")
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Lock the account",
            description = "No sign-in until unlocked; every session ends; audited and emailed to the user.")
    @ApiResponse(
            responseCode = "200",
            description = "The user as it is now",
            content = @Content(examples = @ExampleObject(name = "user", value = UserExamples.LOCKED)))
    UserJson lock(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        return UserJson.of(act(caller, id, actions::lock));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Unlock the account",
            description = "The lock and the second-factor failure count go; audited and emailed to the user.")
    @ApiResponse(
            responseCode = "200",
            description = "The user as it is now",
            content = @Content(examples = @ExampleObject(name = "user", value = UserExamples.USER)))
    UserJson unlock(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        return UserJson.of(act(caller, id, actions::unlock));
    }

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Send a password reset",
            description = "Emails a single-use link, valid 24 hours, to the address the user signs in with (never to"
                    + " a new address still waiting for confirmation); earlier links stop working. 202: the email is"
                    + " queued for delivery. Audited.")
    @ApiResponse(
            responseCode = "202",
            description = "The link is on its way",
            content = @Content(examples = @ExampleObject(name = "sent", value = UserExamples.RESET)))
    ResponseEntity<PasswordResetJson> passwordReset(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
        DirectoryRow user = act(caller, id, actions::sendPasswordReset);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new PasswordResetJson(user.id(), user.email(), user.pendingEmail()));
    }

    /** One of {@link UserActions}' actions on a user, audited under {@code actor}. */
    @FunctionalInterface
    private interface Action {
        void run(long userId, String actor);
    }

    /**
     * Runs {@code action} on the portal user {@code id} (404 for an unknown id and for admins: the API acts on portal
     * users only) as the caller's token, and answers the user as they are after it.
     */
    private DirectoryRow act(ApiCaller caller, long id, Action action) {
        portalUser(id);
        action.run(id, caller.actor());
        return portalUser(id);
    }

    private DirectoryRow portalUser(long id) {
        return directory.portalUser(id).orElseThrow(NotFoundException::new);
    }
}
