package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use each route of the admin site (F-ADMIN; SECURITY.md, "Threats and controls"). The table below has one row
 * per route mapped under {@code /admin}, and {@link #everyAdminRouteHasARowAndEveryRowARoute} reads the routes from
 * Spring MVC's handler mapping, so a new route fails the build until someone decides who may use it.
 *
 * <p>Each row is requested by four visitors: not signed in, a portal user signed in on a site, a site admin and a
 * system admin. The first two are sent to the admin login page; a site admin gets the {@code 403} refusal page on a
 * system-only route; everything else is allowed. A GET that is allowed answers its row's status. A POST carries a valid
 * CSRF token and is checked for the authorization outcome only (refused or not): its fields are chosen so that an
 * allowed POST changes nothing but this class's own users, or fails after the role check (an unknown site, contact or
 * account, a field that is refused).
 */
@IntegrationTest
class AdminAuthorizationIntegrationTests {

    static final String OWN = "globex";
    static final String NO_SITE = "no-such-site";
    static final long NO_CONTACT = Long.MAX_VALUE;

    /** Who may use a route. */
    enum Access {
        /** Sign-in steps and links from emails: anyone, no role. Listed so every route is decided; not requested. */
        PUBLIC,
        /** Any signed-in admin; which users, sites and events they then see is scoped to their sites. */
        ANY_ADMIN,
        /** System admins only ({@link SystemAdminsOnly}): a site admin gets the refusal page. */
        SYSTEM_ADMIN
    }

    enum Visitor {
        ANONYMOUS,
        PORTAL_USER,
        SITE_ADMIN,
        SYSTEM_ADMIN
    }

    /**
     * One route as Spring MVC maps it ({@code "POST /admin/users/{id}/lock"}), who may use it, the request that stands
     * for it, and for a GET the status an allowed visitor gets.
     */
    record Row(String route, Access access, String path, Map<String, String> fields, int allowedStatus) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }
    }

    /** A visitor's browser and the CSRF token of its session. */
    record Visit(Browser browser, String csrf) {}

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Accounts accounts;

    @Autowired
    MfaPolicy policy;

    @Autowired
    SmsSettings smsSettings;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MessageSource messages;

    String tag;
    UserView target;
    AccountView account;
    ContactView contact;

    @BeforeEach
    void data() {
        tag = "authz" + UUID.randomUUID().toString().substring(0, 8);
        target = users.create(
                sites.findBySlug(OWN).orElseThrow().realm(),
                new NewUser(tag + "-target@" + OWN + ".test", "Target " + tag, null, true, null, false, null));
        account = accounts.create("A-" + tag, "Account of " + tag, AccountKind.CUSTOMER, List.of());
        contact = accounts.addContact(account.id(), "Contact " + tag, tag + "-contact@customer.test", null);
    }

    /** Every route under {@code /admin}, as the rows name them; the table is in {@link #table}. */
    List<Row> table() {
        String user = "/admin/users/" + target.id();
        String otherContact = "/admin/contacts/" + NO_CONTACT;
        String branding = "/admin/sites/" + NO_SITE + "/branding";
        List<Row> rows = new ArrayList<>(List.of(
                // the admin module's pages
                get("GET /admin", Access.ANY_ADMIN, "/admin"),
                get("GET /admin/", Access.ANY_ADMIN, "/admin/"),
                get("GET /admin/users", Access.ANY_ADMIN, "/admin/users?q=" + tag),
                get("GET /admin/users/{id}", Access.ANY_ADMIN, user),
                get("GET /admin/users/{id}/delete-2fa", Access.ANY_ADMIN, user + "/delete-2fa"),
                post(
                        "POST /admin/users/{id}/2fa-required",
                        Access.ANY_ADMIN,
                        user + "/2fa-required",
                        "required",
                        "false"),
                post("POST /admin/users/{id}/delete-2fa", Access.ANY_ADMIN, user + "/delete-2fa"),
                post("POST /admin/users/{id}/lock", Access.ANY_ADMIN, user + "/lock"),
                post("POST /admin/users/{id}/unlock", Access.ANY_ADMIN, user + "/unlock"),
                post("POST /admin/users/{id}/password-reset", Access.ANY_ADMIN, user + "/password-reset"),
                get("GET /admin/users/new", Access.ANY_ADMIN, "/admin/users/new"),
                post("POST /admin/users/new", Access.SYSTEM_ADMIN, "/admin/users/new", "site", NO_SITE),
                get("GET /admin/login-security", Access.ANY_ADMIN, "/admin/login-security"),
                post(
                        "POST /admin/login-security",
                        Access.SYSTEM_ADMIN,
                        "/admin/login-security",
                        "allSites",
                        Boolean.toString(policy.allSites()),
                        "platform",
                        Boolean.toString(policy.platform())),
                post(
                        "POST /admin/login-security/admin-remember",
                        Access.SYSTEM_ADMIN,
                        "/admin/login-security/admin-remember",
                        "rememberDays",
                        policy.adminRememberDays().orElse(0).toString()),
                post(
                        "POST /admin/login-security/sites/{slug}",
                        Access.SYSTEM_ADMIN,
                        "/admin/login-security/sites/" + NO_SITE,
                        "mode",
                        "optional"),
                get("GET /admin/audit", Access.ANY_ADMIN, "/admin/audit?user=" + tag),
                get("GET /admin/audit.csv", Access.ANY_ADMIN, "/admin/audit.csv?user=" + tag),
                get("GET /admin/accounts", Access.SYSTEM_ADMIN, "/admin/accounts?q=" + account.number()),
                get(
                        "GET /admin/accounts/{number}/contacts",
                        Access.SYSTEM_ADMIN,
                        "/admin/accounts/" + account.number() + "/contacts"),
                get("GET /admin/contacts/new", Access.SYSTEM_ADMIN, "/admin/contacts/new?account=" + account.number()),
                post("POST /admin/contacts/new", Access.SYSTEM_ADMIN, "/admin/contacts/new?account=" + NO_SITE),
                get("GET /admin/contacts/{id}/edit", Access.SYSTEM_ADMIN, "/admin/contacts/" + contact.id() + "/edit"),
                post("POST /admin/contacts/{id}/edit", Access.SYSTEM_ADMIN, otherContact + "/edit"),
                post("POST /admin/contacts/{id}/promote", Access.SYSTEM_ADMIN, otherContact + "/promote", "site", OWN),
                post("POST /admin/contacts/{id}/invitation", Access.SYSTEM_ADMIN, otherContact + "/invitation"),
                get("GET /admin/admins/new", Access.SYSTEM_ADMIN, "/admin/admins/new"),
                post("POST /admin/admins/new", Access.SYSTEM_ADMIN, "/admin/admins/new", "name", ""),
                get("GET /admin/system-settings", Access.SYSTEM_ADMIN, "/admin/system-settings"),
                post(
                        "POST /admin/system-settings/sms",
                        Access.SYSTEM_ADMIN,
                        "/admin/system-settings/sms",
                        "provider",
                        "no-such-provider"),
                post(
                        "POST /admin/system-settings/sms/test",
                        Access.SYSTEM_ADMIN,
                        "/admin/system-settings/sms/test",
                        "to",
                        "not a number"),
                get("GET /admin/sites/{slug}/branding", Access.SYSTEM_ADMIN, "/admin/sites/" + OWN + "/branding"),
                post(
                        "POST /admin/sites/{slug}/branding/color",
                        Access.SYSTEM_ADMIN,
                        branding + "/color",
                        "color",
                        "#123456"),
                post("POST /admin/sites/{slug}/branding/logo", Access.SYSTEM_ADMIN, branding + "/logo"),
                post("POST /admin/sites/{slug}/branding/logo/remove", Access.SYSTEM_ADMIN, branding + "/logo/remove"),
                // API tokens (the tokens module's page): an allowed POST is refused as bad input or an unknown token
                get("GET /admin/api-tokens", Access.SYSTEM_ADMIN, "/admin/api-tokens"),
                post("POST /admin/api-tokens", Access.SYSTEM_ADMIN, "/admin/api-tokens", "name", ""),
                post(
                        "POST /admin/api-tokens/{id:[0-9]{1,18}}/revoke",
                        Access.SYSTEM_ADMIN,
                        "/admin/api-tokens/999999999999999999/revoke"),
                // the OpenAPI document and its explorer (springdoc, F-API-3): system admins only
                get("GET /admin/api-docs", Access.SYSTEM_ADMIN, "/admin/api-docs"),
                get("GET /admin/api-docs.yaml", Access.SYSTEM_ADMIN, "/admin/api-docs.yaml"),
                get("GET /admin/api-docs/swagger-config", Access.SYSTEM_ADMIN, "/admin/api-docs/swagger-config"),
                new Row("GET /admin/api-explorer", Access.SYSTEM_ADMIN, "/admin/api-explorer", Map.of(), 302),
                // the Security page, in the admin realm (the portal module's pages, for any signed-in user)
                get("GET /admin/account/security", Access.ANY_ADMIN, "/admin/account/security"),
                post(
                        "POST /admin/account/security/sign-out-others",
                        Access.ANY_ADMIN,
                        "/admin/account/security/sign-out-others"),
                post(
                        "POST /admin/account/security/sign-out-session",
                        Access.ANY_ADMIN,
                        "/admin/account/security/sign-out-session",
                        "session",
                        "no-such-session"),
                post(
                        "POST /admin/account/security/forget-browser",
                        Access.ANY_ADMIN,
                        "/admin/account/security/forget-browser",
                        "browser",
                        "0123456789abcdef0123456789abcdef"),
                post("POST /admin/account/security/verify", Access.ANY_ADMIN, "/admin/account/security/verify"),
                post(
                        "POST /admin/account/security/backup-codes",
                        Access.ANY_ADMIN,
                        "/admin/account/security/backup-codes"),
                post("POST /admin/account/security/password", Access.ANY_ADMIN, "/admin/account/security/password"),
                get("GET /admin/account/security/totp", Access.ANY_ADMIN, "/admin/account/security/totp"),
                post(
                        "POST /admin/account/security/totp/enable",
                        Access.ANY_ADMIN,
                        "/admin/account/security/totp/enable"),
                post(
                        "POST /admin/account/security/totp/confirm",
                        Access.ANY_ADMIN,
                        "/admin/account/security/totp/confirm",
                        "code",
                        ""),
                post(
                        "POST /admin/account/security/totp/disable",
                        Access.ANY_ADMIN,
                        "/admin/account/security/totp/disable",
                        "code",
                        ""),
                post(
                        "POST /admin/account/security/totp/reenable",
                        Access.ANY_ADMIN,
                        "/admin/account/security/totp/reenable",
                        "code",
                        ""),
                post(
                        "POST /admin/account/security/totp/delete",
                        Access.ANY_ADMIN,
                        "/admin/account/security/totp/delete",
                        "credential",
                        ""),
                post(
                        "POST /admin/account/security/passkeys/options",
                        Access.ANY_ADMIN,
                        "/admin/account/security/passkeys/options"),
                post("POST /admin/account/security/passkeys", Access.ANY_ADMIN, "/admin/account/security/passkeys"),
                post(
                        "POST /admin/account/security/passkeys/{id:[0-9]{1,18}}/remove",
                        Access.ANY_ADMIN,
                        "/admin/account/security/passkeys/1/remove")));
        // the sign-in steps (signin), and the password links sent by email (users)
        Stream.of(
                        "GET /admin/login",
                        "POST /admin/login",
                        "GET /admin/login/method",
                        "POST /admin/login/method",
                        "GET /admin/login/{factor:email|sms|totp|backup}",
                        "POST /admin/login/{factor:email|sms|totp|backup}",
                        "POST /admin/login/{factor:email|sms|totp|backup}/resend",
                        "GET /admin/login/unavailable",
                        "GET /admin/login/setup-removed",
                        "GET /admin/login/setup",
                        "POST /admin/login/setup",
                        "GET /admin/login/passkey",
                        "POST /admin/login/passkey",
                        "POST /admin/login/passkey/options",
                        "POST /admin/login/passkey-signin",
                        "POST /admin/login/passkey-signin/options",
                        "POST /admin/login/setup/passkey",
                        "POST /admin/login/setup/passkey/options",
                        "GET /admin/forgot-password",
                        "POST /admin/forgot-password",
                        "GET /admin/password-reset/{token}",
                        "POST /admin/password-reset/{token}",
                        "GET /admin/invitation/{token}",
                        "POST /admin/invitation/{token}")
                .map(route -> new Row(route, Access.PUBLIC, null, Map.of(), 0))
                .forEach(rows::add);
        return rows;
    }

    @Test
    void everyAdminRouteHasARowAndEveryRowARoute() {
        Set<String> mapped = adminRoutes();
        List<String> named = table().stream().map(Row::route).toList();
        assertThat(difference(mapped, Set.copyOf(named)))
                .as("admin routes without a row in the table")
                .isEmpty();
        assertThat(difference(Set.copyOf(named), mapped))
                .as("rows of routes that are not mapped")
                .isEmpty();
        assertThat(named).as("one row per route").doesNotHaveDuplicates();
    }

    @Test
    void everyVisitorGetsWhatTheTableSaysOnEveryAdminRoute() {
        Map<Visitor, Visit> visits = new LinkedHashMap<>();
        visits.put(Visitor.ANONYMOUS, anonymous());
        visits.put(Visitor.PORTAL_USER, portalUser());
        visits.put(Visitor.SITE_ADMIN, siteAdmin());
        visits.put(Visitor.SYSTEM_ADMIN, systemAdmin());
        // the GETs first, so that no POST's effect on this class's users changes what a later page shows
        List<Row> rows = table().stream()
                .filter(row -> row.access() != Access.PUBLIC)
                .sorted(Comparator.comparing(row -> !row.method().equals("GET")))
                .toList();

        List<Object> settingsBefore = settings();

        SoftAssertions soft = new SoftAssertions();
        for (Row row : rows) {
            visits.forEach((visitor, visit) -> check(soft, row, visitor, request(visit, row)));
        }
        soft.assertAll();
        assertThat(settings())
                .as("the allowed POSTs changed nothing other tests rely on")
                .isEqualTo(settingsBefore);
    }

    /**
     * A value that cannot be read (a word for a number) on a system admins' form: a site admin is refused as not
     * allowed before the value is read; a system admin is told it was not understood (400). Nothing changes.
     */
    @Test
    void anUnreadableValueOnASystemAdminsFormIsRefusedToASiteAdminBeforeItIsRead() {
        Visit siteAdmin = siteAdmin();
        Visit systemAdmin = systemAdmin();
        List<Row> unreadable = List.of(
                post(
                        "POST /admin/login-security/sites/{slug}",
                        Access.SYSTEM_ADMIN,
                        "/admin/login-security/sites/" + OWN,
                        "codeTtlMinutes",
                        "abc"),
                post(
                        "POST /admin/login-security/admin-remember",
                        Access.SYSTEM_ADMIN,
                        "/admin/login-security/admin-remember",
                        "rememberDays",
                        "abc"),
                post("POST /admin/api-tokens", Access.SYSTEM_ADMIN, "/admin/api-tokens", "days", "abc"));
        List<Object> settingsBefore = settings();
        SoftAssertions soft = new SoftAssertions();
        for (Row row : unreadable) {
            soft.assertThat(refused(request(siteAdmin, row)))
                    .as("site admin, %s", row.path())
                    .isTrue();
            Page page = request(systemAdmin, row);
            soft.assertThat(page.status()).as("system admin, %s", row.path()).isEqualTo(400);
        }
        soft.assertAll();
        assertThat(settings()).isEqualTo(settingsBefore);
    }

    private void check(SoftAssertions soft, Row row, Visitor visitor, Page page) {
        String what =
                visitor + " " + row.method() + " " + row.path() + " (" + page.status() + " " + page.location() + ")";
        boolean signedInAsAdmin = visitor == Visitor.SITE_ADMIN || visitor == Visitor.SYSTEM_ADMIN;
        if (!signedInAsAdmin) {
            soft.assertThat(page.status()).as("%s: status", what).isEqualTo(302);
            soft.assertThat(page.location())
                    .as("%s: sent to the admin login", what)
                    .isEqualTo("/admin/login");
        } else if (visitor == Visitor.SITE_ADMIN && row.access() == Access.SYSTEM_ADMIN) {
            soft.assertThat(refused(page)).as("%s: the refusal page", what).isTrue();
        } else {
            soft.assertThat(refused(page)).as("%s: not refused", what).isFalse();
            soft.assertThat(page.location()).as("%s: not sent to sign in", what).isNotEqualTo("/admin/login");
            if (row.method().equals("GET")) {
                soft.assertThat(page.status()).as("%s: status", what).isEqualTo(row.allowedStatus());
            }
        }
    }

    /** What belongs to no test: the sites with their policies and branding, the MFA switches, the SMS settings. */
    private List<Object> settings() {
        return List.of(sites.all(), policy.allSites(), policy.platform(), smsSettings.view());
    }

    /** The {@code 403} a role gets for what it may not do: the refusal page, not a stale form token's 403. */
    private boolean refused(Page page) {
        return page.status() == 403
                && page.alerts().contains(messages.getMessage("admin.refused", null, Locale.ENGLISH));
    }

    private static Page request(Visit visit, Row row) {
        if (row.method().equals("GET")) {
            return visit.browser().get(row.path());
        }
        Map<String, String> fields = new LinkedHashMap<>(row.fields());
        fields.put("_csrf", visit.csrf());
        return visit.browser().post(row.path(), fields);
    }

    private Set<String> adminRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern); // no row can name it: map it to GET or POST
                }
                methods.forEach(method -> routes.add(method + " " + pattern));
            }
        }
        return routes;
    }

    private Visit anonymous() {
        Browser browser = new Browser(port);
        return new Visit(browser, csrf(browser, "/admin/login"));
    }

    private Visit portalUser() {
        UserView user = testUsers.portalUser(OWN);
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, OWN, user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/" + OWN + "/");
        return new Visit(browser, csrf(browser, "/sites/" + OWN + "/account/security"));
    }

    private Visit siteAdmin() {
        UserView admin = users.create(
                Realm.ADMIN,
                new NewUser(
                        tag + "-site-admin@admin.test",
                        "Site Admin " + tag,
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        users.assignSites(admin.id(), Set.of(sites.findBySlug(OWN).orElseThrow().id()));
        Browser browser = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        return new Visit(browser, csrf(browser, "/admin/users"));
    }

    private Visit systemAdmin() {
        Browser browser = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        return new Visit(browser, csrf(browser, "/admin/users"));
    }

    private static String csrf(Browser browser, String path) {
        Page page = browser.get(path);
        assertThat(page.status()).as("%s", path).isEqualTo(200);
        return page.document().selectFirst("input[name=_csrf]").attr("value");
    }

    private static Row get(String route, Access access, String path) {
        return new Row(route, access, path, Map.of(), 200);
    }

    private static Row post(String route, Access access, String path, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return new Row(route, access, path, map, 0);
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> rest = new HashSet<>(from);
        rest.removeAll(minus);
        return rest.stream().sorted().collect(Collectors.toCollection(TreeSet::new));
    }
}
