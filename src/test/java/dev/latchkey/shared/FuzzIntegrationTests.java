package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input: thousands of generated bad inputs (too long, control and format characters, odd unicode, SQL and HTML
 * shapes, wrong types) to every form and query parameter, anonymous, as a portal user and as an admin. No answer may be
 * a 5xx or show a stack trace, and the data that matters must be exactly as before.
 */
@IntegrationTest
class FuzzIntegrationTests {

    private static final String[] SHAPES = {
        "",
        " ",
        "0",
        "-1",
        "99999999999999999999",
        "1e309",
        "NaN",
        "true",
        "null",
        "undefined",
        "' OR '1'='1",
        "'; drop table app_user; --",
        "\" onmouseover=alert(1) x=\"",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "%00",
        "%2e%2e%2f",
        "${7*7}",
        "#{7*7}",
        "*{T(java.lang.Runtime)}",
        "{{7*7}}",
        "\u0000",
        "\u202e",
        "\u200b",
        "\ufeff",
        "\ud83d\ude00",
        "Ｆｕｌｌｗｉｄｔｈ",
        "１２３４５６",
        "\r\n\r\nX: y",
        "a@b",
        "@@@",
        "+31 (0) 6-12",
        "ACME",
        "admin",
        "acme/../globex",
        "TWILIO",
        "SYSTEM",
        "activated"
    };

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random(20261123);

    private final Map<FormPage, Page> formPages = new HashMap<>();

    @Test
    void noBadInputCausesAServerErrorOrChangesTheData() {
        UserView portalUser = testUsers.portalUser("globex");
        UserView admin = testUsers.admin();
        Browser anonymous = new Browser(port);
        Browser portal = new Browser(port);
        SignInSteps.password(portal, "globex", portalUser.email(), TestUsers.PASSWORD);
        Browser staff = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        Page portalPage = portal.get("/sites/globex/account/security");
        assertThat(portalPage.status())
                .as("portal security page: %s", portalPage.location())
                .isEqualTo(200);
        String before = fingerprint();

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (int round = 0; round < 100; round++) {
            requests += fuzzGets(
                    anonymous,
                    failures,
                    "/sites/{x}/login",
                    "/sites/acme/login/{x}",
                    "/sites/{x}/",
                    "/admin/{x}",
                    "/sites/acme/invitation/{x}",
                    "/sites/acme/confirm-email/{x}",
                    "/dev/inbox?{x}={x}",
                    "/sites/acme/password-reset/{x}",
                    "/admin/forgot-password?{x}={x}");
            requests += fuzzGets(
                    staff,
                    failures,
                    "/admin/users?site={x}&q={x}&mfa={x}&page={x}",
                    "/admin/audit?site={x}&user={x}&type={x}&from={x}&to={x}&page={x}",
                    "/admin/audit.csv?type={x}&from={x}",
                    "/admin/users/{x}/delete-2fa",
                    "/admin/accounts?q={x}",
                    "/admin/accounts/{x}/contacts",
                    "/admin/contacts/{x}/edit");
            requests += fuzzGets(portal, failures, "/sites/globex/account/security?{x}={x}");
            requests += fuzzPosts(anonymous, "/sites/acme/login", failures, "#login-form", "username", "password");
            requests += fuzzPosts(anonymous, "/sites/acme/forgot-password", failures, "#forgot-form", "email");
            requests += fuzzPosts(
                    portal, "/sites/globex/account/security", failures, "form:has(#totp-enable)", "code", "credential");
            requests += fuzzPosts(
                    portal, "/sites/globex/account/security", failures, "form:has(#backup-generate)", "count", "code");
            requests += fuzzPosts(
                    portal,
                    "/sites/globex/account/security",
                    failures,
                    "#password-form",
                    "current",
                    "password",
                    "confirm",
                    "signOutOthers");
            requests += fuzzPosts(
                    staff,
                    "/admin/login-security",
                    failures,
                    "#policy-acme",
                    "mode",
                    "factors",
                    "codeTtlMinutes",
                    "rememberDays",
                    "phishingResistant");
            requests += fuzzPosts(
                    staff,
                    "/admin/system-settings",
                    failures,
                    "#sms-settings-form",
                    "provider",
                    "clientId",
                    "clientSecret",
                    "fromNumber");
            requests += fuzzPosts(staff, "/admin/system-settings", failures, "#sms-test-form", "to");
            requests += fuzzPosts(staff, "/admin/api-tokens", failures, "#token-form", "name", "scopes", "days");
            requests += fuzzPosts(
                    staff,
                    "/admin/users/new",
                    failures,
                    "form[action$=/admin/users/new]",
                    "site",
                    "name",
                    "email",
                    "phone");
            requests += fuzzPosts(
                    staff, "/admin/admins/new", failures, "#new-admin-form", "name", "email", "role", "sites");
        }
        formsStillThere(failures);
        assertThat(failures)
                .as("server errors or leaks in %d requests", requests)
                .isEmpty();
        assertThat(requests).isGreaterThan(2000);
        assertThat(fingerprint()).as("the data is unchanged").isEqualTo(before);

        // free-text forms where random input is sometimes valid (and then rightly saved): no 5xx, no leak
        for (int round = 0; round < 100; round++) {
            fuzzPosts(
                    staff,
                    "/admin/contacts/new?account=C-10042",
                    failures,
                    "form[method=post]:not(#logout-form)",
                    "name",
                    "email",
                    "phone");
        }
        formsStillThere(failures);
        assertThat(failures).isEmpty();
    }

    private int fuzzGets(Browser browser, List<String> failures, String... templates) {
        for (String template : templates) {
            String path = template.replace("{x}", encode(value()));
            check(browser.get(path), "GET " + path, failures);
        }
        return templates.length;
    }

    /**
     * Posts bad input through a form. The page holding the form is fetched once per browser and reused while its CSRF
     * token works: fetching the same page before every post doubled the requests without testing anything more. A
     * refused post (403) fetches the page again and posts the same input once more, and {@link #formsStillThere} checks
     * at the end that no post signed a browser out.
     */
    private int fuzzPosts(Browser browser, String pagePath, List<String> failures, String form, String... fields) {
        FormPage key = new FormPage(browser, pagePath, form);
        Page page = formPages.computeIfAbsent(key, k -> browser.get(pagePath));
        Map<String, String> data = new LinkedHashMap<>();
        for (String field : fields) {
            data.put(field, value());
        }
        if (!hasForm(page, key, failures)) {
            formPages.remove(key);
            return 0;
        }
        Page answer = browser.submit(page, form, data);
        if (answer.status() == 403) {
            page = browser.get(pagePath);
            formPages.put(key, page);
            if (!hasForm(page, key, failures)) {
                formPages.remove(key);
                return 0;
            }
            answer = browser.submit(page, form, data);
        }
        check(answer, "POST " + form + " " + data.keySet(), failures);
        return 1;
    }

    private static boolean hasForm(Page page, FormPage key, List<String> failures) {
        if (page.document().selectFirst(key.form()) == null) {
            failures.add(
                    "no form " + key.form() + " on " + key.path() + " (" + page.status() + " " + page.location() + ")");
            return false;
        }
        return true;
    }

    /** Every browser is still signed in where it was: each form's page, fetched again, still holds the form. */
    private void formsStillThere(List<String> failures) {
        formPages.keySet().forEach(key -> hasForm(key.browser().get(key.path()), key, failures));
        formPages.clear();
    }

    /** A form on a page, as one browser sees it. */
    private record FormPage(Browser browser, String path, String form) {}

    private static void check(Page page, String what, List<String> failures) {
        if (page.status() >= 500
                || page.body().contains("Exception")
                || page.body().contains("at dev.latchkey")) {
            failures.add(page.status() + " " + what);
        }
    }

    private String value() {
        return switch (random.nextInt(4)) {
            case 0 -> SHAPES[random.nextInt(SHAPES.length)];
            case 1 -> "x".repeat(1 + random.nextInt(20_000));
            case 2 -> randomUnicode(1 + random.nextInt(64));
            default -> SHAPES[random.nextInt(SHAPES.length)] + randomUnicode(random.nextInt(8));
        };
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                text.appendCodePoint(cp);
            }
        }
        return text.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A digest of the rows that bad input must never change. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String query : List.of(
                "select id, login_key, email, display_name, password_hash, email_confirmed, phone, mfa_required,"
                        + " admin_role, locked_at from app_user order by id",
                "select * from site order by id",
                "select name, setting from system_setting order by name",
                "select user_id, secret, status from authenticator order by user_id",
                "select id, user_id, code_hash, used_at from backup_code order by id",
                "select id, account_id, name, email, phone, portal_user_id from contact_person order by id",
                "select admin_id, site_id from admin_site order by admin_id, site_id")) {
            jdbc.sql(query).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    all.append(rs.getString(i)).append('|');
                }
                all.append('\n');
            });
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
