package dev.latchkey.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-DEVICE: "Remember this browser for N days" after a second factor skips the second factor of the same user and site
 * until it expires, never the password; the Security page lists and forgets them; a password change or reset, Delete
 * 2FA setup, a lock, "sign out everywhere", the 2FA-required flag and the site's policy switched off end them.
 */
@IntegrationTest
class RememberedBrowsersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Users users;

    @Autowired
    TwoFactorSetup twoFactor;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BrowserRetention retention;

    private final Map<String, Integer> codesSent = new HashMap<>();
    private SiteView site;
    private String base;

    @BeforeEach
    void newSite() {
        site = newSite("rb");
        base = "/sites/" + site.slug();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRememberedBrowserSkipsTheSecondFactorButNeverThePassword() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        Page codePage = toCodePage(browser, user);
        Element box = codePage.document().selectFirst("#code-form input#remember-browser[name=remember]");
        assertThat(box).as("offered on the code page, inside the code form").isNotNull();
        assertThat(box.attr("type")).isEqualTo("checkbox");
        assertThat(codePage.document()
                        .selectFirst("label[for=remember-browser]")
                        .text())
                .contains("Remember this browser for 30 days");

        Page done = browser.submit(codePage, "#code-form", Map.of("code", nextCode(user), "remember", "true"));
        assertThat(done.location()).isEqualTo(base + "/");
        String cookie = done.header("Set-Cookie")
                .filter(c -> c.startsWith(RememberCookie.NAME + "="))
                .orElseGet(() -> done.headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                        .flatMap(e -> e.getValue().stream())
                        .filter(c -> c.startsWith(RememberCookie.NAME + "="))
                        .findFirst()
                        .orElseThrow());
        assertThat(cookie)
                .contains(
                        "Path=" + base + "/",
                        "HttpOnly",
                        "SameSite=Lax",
                        "Max-Age=" + Duration.ofDays(30).toSeconds());
        String token = token(browser);
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);
        assertThat(jdbc.sql("select count(*) from remembered_browser where token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .as("only a hash is stored")
                .isZero();
        assertThat(rows(user)).isEqualTo(1);

        signOut(browser);
        assertThat(SignInSteps.password(browser, site.slug(), user.email(), "wrong password")
                        .status())
                .as("the password is still checked")
                .isEqualTo(401);
        assertThat(skips(browser, user)).isTrue();
        assertThat(browser.get(base + "/").status()).isEqualTo(200);
        List<AuditEntry> events = audit.recentFor(user.id());
        assertThat(events.get(0).type()).isEqualTo("signin.completed");
        assertThat(events.get(0).factor()).isEqualTo(RememberedBrowsers.SIGN_IN_METHOD);
        assertThat(events).extracting(AuditEntry::type).contains("device.remembered");

        Page security = browser.get(base + "/account/security");
        assertThat(security.document()
                        .select("#recent-sign-ins [data-sign-in]")
                        .first()
                        .text())
                .contains("Remembered browser");
        Element row = security.document().selectFirst("#remembered-browsers [data-browser]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("This browser");
        assertThat(row.select("time.local-time")).hasSize(2);
        assertThat(row.select("button.forget-browser")).hasSize(1);
        assertThat(security.body()).doesNotContain(token);
    }

    @Test
    void withoutTheTickNothingIsRemembered() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, false);
        assertThat(browser.cookie(RememberCookie.NAME, base + "/")).isEmpty();
        assertThat(rows(user)).isZero();
        signOut(browser);
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void aStolenCookieDoesNothingForAnotherUserOfTheSameSite() {
        UserView owner = testUsers.portalUser(site.slug());
        UserView thief = testUsers.portalUser(site.slug());
        Browser ownerBrowser = new Browser(port);
        signInWithCode(ownerBrowser, owner, true);

        Browser thiefBrowser = new Browser(port);
        thiefBrowser.setCookie(RememberCookie.NAME, token(ownerBrowser), base + "/");
        assertThat(skips(thiefBrowser, thief)).isFalse();
        assertThat(rows(owner)).isEqualTo(1);
        assertThat(rows(thief)).isZero();
    }

    @Test
    void aCookieOfOneSiteDoesNothingOnAnother() {
        SiteView other = newSite("rb-other");
        UserView owner = testUsers.portalUser(site.slug());
        UserView elsewhere = testUsers.portalUser(other.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, owner, true);

        Browser copied = new Browser(port);
        copied.setCookie(RememberCookie.NAME, token(browser), "/sites/" + other.slug() + "/");
        base = "/sites/" + other.slug();
        site = other;
        assertThat(skips(copied, elsewhere))
                .as("another site's user with the cookie")
                .isFalse();
        assertThat(skips(browser, elsewhere))
                .as("the owner's own browser, signing in to the other site")
                .isFalse();
    }

    @Test
    void anExpiredTokenAsksForTheSecondFactorAgain() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        clock.advance(Duration.ofDays(29));
        assertThat(skips(browser, user)).isTrue();
        signOut(browser);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void aShortenedPolicyShortensTokensAlreadyGiven() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        policy.updateSignInExtras(site.id(), 7, PhishingResistance.OFF, "test");
        clock.advance(Duration.ofDays(8));
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void aShortenedPolicyEndsOlderBrowsersForGoodAndLengtheningItAgainRevivesNone() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        clock.advance(Duration.ofDays(2));
        policy.updateSignInExtras(site.id(), 1, PhishingResistance.OFF, "test");
        assertThat(rows(user))
                .as("first used two days ago, longer than the new length")
                .isZero();
        policy.updateSignInExtras(site.id(), 30, PhishingResistance.OFF, "test");
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void requiringAPasskeyEndsTheSitesBrowsersAndSwitchingItOffAgainRevivesNone() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        policy.updateSignInExtras(site.id(), 30, PhishingResistance.ALL, "test");
        assertThat(rows(user)).isZero();
        policy.updateSignInExtras(site.id(), 30, PhishingResistance.OFF, "test");
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void switchingThePolicyOffEndsEveryRememberedBrowserOfTheSiteAndHidesTheTick() {
        SiteView other = newSite("rb-keep");
        UserView user = testUsers.portalUser(site.slug());
        UserView elsewhere = testUsers.portalUser(other.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        onSite(other, () -> signInWithCode(new Browser(port), elsewhere, true));

        policy.updateSignInExtras(site.id(), null, PhishingResistance.OFF, "test");
        assertThat(rows(user)).isZero();
        assertThat(rows(elsewhere)).as("another site keeps its browsers").isEqualTo(1);
        assertThat(audit.page(new AuditFilter(site.slug(), null, "device.forgotten", null, null), 0, 10)
                        .entries())
                .isNotEmpty();
        Page codePage = toCodePage(browser, user);
        assertThat(codePage.document().select("#remember-browser")).isEmpty();

        policy.updateSignInExtras(site.id(), 30, PhishingResistance.OFF, "test");
        assertThat(toCodePage(new Browser(port), user).document().select("#remember-browser"))
                .hasSize(1);
    }

    @Test
    void aBrowserIsNotSkippedWhereThePolicyIsOffEvenWithAValidRow() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        // the row stays when a policy is changed behind Latchkey's back: the check at use refuses all the same
        jdbc.sql("update site set remember_days = null where id = ?")
                .param(site.id())
                .update();
        assertThat(rows(user)).isEqualTo(1);
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void aSiteThatRequiresAPasskeyIsNeverSkipped() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        policy.updateSignInExtras(site.id(), 30, PhishingResistance.ALL, "test");
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void aPasswordChangeEndsThem() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        String newPassword = "a brand new passphrase " + UUID.randomUUID();
        Page changed = browser.submit(
                browser.get(base + "/account/security"),
                "#password-form",
                Map.of("current", TestUsers.PASSWORD, "password", newPassword, "confirm", newPassword));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(rows(user)).isZero();
        assertThat(audit.recentFor(user.id()))
                .anySatisfy(
                        e -> assertThat(e.type() + " " + e.detail()).isEqualTo("device.forgotten password changed"));
    }

    @Test
    void aPasswordResetEndsThem() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        Page forgot = browser.get(base + "/forgot-password");
        browser.submit(forgot, "#forgot-form", Map.of("email", user.email()));
        String body = TestMailServer.awaitMessage(user.email(), "password");
        Matcher link = Pattern.compile(Pattern.quote(base) + "/password-reset/[A-Za-z0-9_-]+")
                .matcher(body.replace("=\r\n", "").replace("=\n", ""));
        assertThat(link.find()).as("a reset link in %s", body).isTrue();
        String password = "a reset passphrase " + UUID.randomUUID();
        Page done = browser.submit(
                browser.get(link.group()), "#reset-form", Map.of("password", password, "confirm", password));
        assertThat(done.status()).isEqualTo(302);
        assertThat(rows(user)).isZero();
    }

    @Test
    void deletingThe2faSetupEndsThem() {
        UserView user = testUsers.portalUser(site.slug());
        signInWithCode(new Browser(port), user, true);
        twoFactor.delete(site.realm(), user.id(), "admin@latchkey.test");
        assertThat(rows(user)).isZero();
    }

    @Test
    void aLockEndsThem() {
        UserView user = testUsers.portalUser(site.slug());
        signInWithCode(new Browser(port), user, true);
        users.lock(user.id(), "admin@latchkey.test");
        assertThat(rows(user)).isZero();
    }

    @Test
    void settingThe2faRequiredFlagEndsThemClearingItDoesNot() {
        UserView user = testUsers.portalUser(site.slug());
        signInWithCode(new Browser(port), user, true);
        users.setMfaRequired(user.id(), false, "admin@latchkey.test");
        assertThat(rows(user)).isEqualTo(1);
        users.setMfaRequired(user.id(), true, "admin@latchkey.test");
        assertThat(rows(user)).isZero();
    }

    @Test
    void signingOutEverywhereForgetsEveryOtherBrowserButThisOne() {
        UserView user = testUsers.portalUser(site.slug());
        Browser there = new Browser(port);
        signInWithCode(there, user, true);
        Browser here = new Browser(port);
        signInWithCode(here, user, true);
        assertThat(rows(user)).isEqualTo(2);

        Page done = here.submit(here.get(base + "/account/security"), "#sign-out-others-form", Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(rows(user)).isEqualTo(1);
        signOut(here);
        assertThat(skips(here, user)).isTrue();
        assertThat(skips(there, user)).isFalse();
    }

    @Test
    void forgettingABrowserEndsItAndAReplayOrAnotherUsersHandleChangesNothing() {
        UserView user = testUsers.portalUser(site.slug());
        UserView other = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        Browser otherBrowser = new Browser(port);
        signInWithCode(otherBrowser, other, true);
        String othersHandle = otherBrowser
                .get(base + "/account/security")
                .document()
                .selectFirst("#remembered-browsers [data-browser]")
                .attr("data-browser");

        Page security = browser.get(base + "/account/security");
        Element row = security.document().selectFirst("#remembered-browsers [data-browser]");
        String handle = row.attr("data-browser");
        assertThat(handle).hasSize(RememberedBrowsers.HANDLE_LENGTH).isNotEqualTo(othersHandle);
        Map<String, String> hidden = new HashMap<>();
        row.select("form input[type=hidden]").forEach(i -> hidden.put(i.attr("name"), i.val()));

        Page stolen = browser.post(
                base + "/account/security/forget-browser",
                Map.of("_csrf", hidden.get("_csrf"), "browser", othersHandle));
        assertThat(stolen.location()).isEqualTo(base + "/account/security?browserGone#remembered-browsers");
        assertThat(rows(other)).isEqualTo(1);

        Page forgotten = browser.submit(security, "#remembered-browsers [data-browser=" + handle + "] form", Map.of());
        assertThat(forgotten.location()).isEqualTo(base + "/account/security?browserForgotten#remembered-browsers");
        assertThat(rows(user)).isZero();
        assertThat(audit.recentFor(user.id()))
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("device.forgotten"));
        Page replayed = browser.post(base + "/account/security/forget-browser", hidden);
        assertThat(replayed.location()).isEqualTo(base + "/account/security?browserGone#remembered-browsers");

        Page list = browser.get(base + "/account/security");
        assertThat(list.document().select("#remembered-browsers [data-browser]"))
                .isEmpty();
        assertThat(list.document().select("#remembered-browsers-none")).hasSize(1);
        signOut(browser);
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void malformedAndOversizedHandlesAreRefusedWithA400() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        String csrf = browser.get(base + "/account/security")
                .document()
                .selectFirst("#remembered-browsers form input[name=_csrf]")
                .val();
        for (String bad : List.of("", "zz", "x".repeat(5000), "0123456789ABCDEF0123456789ABCDEF", "' or 1=1 --")) {
            Page refused =
                    browser.post(base + "/account/security/forget-browser", Map.of("_csrf", csrf, "browser", bad));
            assertThat(refused.status())
                    .as("handle %s", bad.length() > 40 ? "oversized" : bad)
                    .isEqualTo(400);
        }
        assertThat(rows(user)).isEqualTo(1);
        Page noCsrf = browser.post(base + "/account/security/forget-browser", Map.of("browser", "0".repeat(32)));
        assertThat(noCsrf.status()).isEqualTo(403);
    }

    @Test
    void simultaneousSignInsWithTheSameCookieAllSkipAndSimultaneousForgetsForgetOnce() throws Exception {
        UserView user = testUsers.portalUser(site.slug());
        Browser first = new Browser(port);
        signInWithCode(first, user, true);
        String token = token(first);
        List<Callable<Page>> signIns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser copy = new Browser(port);
            copy.setCookie(RememberCookie.NAME, token, base + "/");
            Page login = copy.get(base + "/login");
            signIns.add(() -> copy.submit(
                    login, "#login-form", Map.of("username", user.email(), "password", TestUsers.PASSWORD)));
        }
        for (Page page : all(signIns)) {
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(base + "/");
        }
        assertThat(rows(user)).isEqualTo(1);

        Page security = first.get(base + "/account/security");
        String handle = security.document()
                .selectFirst("#remembered-browsers [data-browser]")
                .attr("data-browser");
        List<Callable<Page>> forgets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            forgets.add(
                    () -> first.submit(security, "#remembered-browsers [data-browser=" + handle + "] form", Map.of()));
        }
        List<String> answers = all(forgets).stream().map(Page::location).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a).startsWith(base + "/account/security?browser"));
        assertThat(answers.stream().filter(a -> a.contains("browserForgotten"))).hasSize(1);
        assertThat(audit.recentFor(user.id()).stream().filter(e -> e.type().equals("device.forgotten")))
                .hasSize(1);
    }

    @Test
    void malformedOrOversizedCookiesAreIgnored() {
        UserView user = testUsers.portalUser(site.slug());
        for (String value : List.of("x", "A".repeat(43) + "!", "A".repeat(3000), "%00%0d%0a", "A".repeat(43))) {
            Browser browser = new Browser(port);
            browser.setCookie(RememberCookie.NAME, value, base + "/");
            Page page = SignInSteps.password(clockOn(browser), site.slug(), user.email(), TestUsers.PASSWORD);
            codesSent.merge(user.email(), 1, Integer::sum);
            assertThat(page.status()).as("cookie %s", value.length()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(base + "/login/email");
        }
    }

    @Test
    void theTickIsNotOfferedInAStepUpNorBeforeAForcedSetUp() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        clock.advance(Duration.ofMinutes(11));
        Page asked = browser.submit(browser.get(base + "/account/security"), "form:has(#backup-generate)", Map.of());
        codesSent.merge(user.email(), 1, Integer::sum);
        assertThat(asked.location()).isEqualTo(base + "/login/email");
        Page stepUp = browser.get(asked.location());
        assertThat(stepUp.status()).isEqualTo(200);
        assertThat(stepUp.document().select("#code-form")).hasSize(1);
        assertThat(stepUp.document().select("#remember-browser")).isEmpty();
        // a step-up that sends remember=true anyway remembers nothing more
        browser.submit(
                stepUp,
                "#code-form",
                Map.of(
                        "code",
                        TestMailServer.awaitCode(user.email(), codesSent.get(user.email())),
                        "remember",
                        "true"));
        assertThat(rows(user)).isEqualTo(1);

        UserView required = testUsers.portalUser(site.slug(), true);
        Page setupFirst = toCodePage(new Browser(port), required);
        assertThat(setupFirst.document().select("#remember-browser")).isEmpty();
    }

    @Test
    void aRememberedBrowserDoesNotSkipAForcedSetUp() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        // the flag set behind Latchkey's back, so the row stays: the forced set-up must come all the same
        jdbc.sql("update app_user set mfa_required = true where id = ?")
                .param(user.id())
                .update();
        assertThat(rows(user)).isEqualTo(1);
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void theNewsThatAnAdminDeletedThe2faSetupIsNotSkipped() {
        UserView user = testUsers.portalUser(site.slug());
        Browser browser = new Browser(port);
        signInWithCode(browser, user, true);
        signOut(browser);
        // the notice written behind Latchkey's back, so the row stays: the second step that tells it must come
        jdbc.sql("insert into two_factor_removal (user_id, removed_at) values (?, current_timestamp)")
                .param(user.id())
                .update();
        assertThat(skips(browser, user)).isFalse();
    }

    @Test
    void expiredRowsArePurged() {
        UserView user = testUsers.portalUser(site.slug());
        signInWithCode(new Browser(port), user, true);
        assertThat(retention.deleteEndedBefore(clock.instant())).isZero();
        assertThat(rows(user)).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        assertThat(retention.deleteEndedBefore(clock.instant())).isPositive();
        assertThat(rows(user)).isZero();
    }

    @Test
    void theAdminSiteRemembersOnlyWhenItsPolicySaysSoAndSwitchingItOffEndsThem() {
        UserView admin = testUsers.admin();
        try {
            Page codePage = adminCodePage(new Browser(port), admin);
            assertThat(codePage.document().select("#remember-browser"))
                    .as("off by default")
                    .isEmpty();
            policy.setAdminRememberDays(14, "test");
            Browser browser = new Browser(port);
            codePage = adminCodePage(browser, admin);
            assertThat(codePage.document()
                            .selectFirst("label[for=remember-browser]")
                            .text())
                    .contains("14 days");
            Page done = browser.submit(codePage, "#code-form", Map.of("code", nextCode(admin), "remember", "true"));
            assertThat(done.location()).isEqualTo("/admin/");
            assertThat(browser.cookie(RememberCookie.NAME, "/admin/")).isPresent();
            assertThat(rows(admin)).isEqualTo(1);
            policy.setAdminRememberDays(null, "test");
            assertThat(rows(admin)).isZero();
        } finally {
            policy.setAdminRememberDays(null, "test");
        }
    }

    // --- steps

    private SiteView newSite(String prefix) {
        return sites.create(new SiteDraft(
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                "Remember Test",
                "NL",
                MfaMode.REQUIRED,
                Set.of("email")));
    }

    /** Runs {@code steps} with the helpers pointed at {@code other}. */
    private void onSite(SiteView other, Runnable steps) {
        SiteView was = site;
        site = other;
        base = "/sites/" + other.slug();
        try {
            steps.run();
        } finally {
            site = was;
            base = "/sites/" + was.slug();
        }
    }

    private Browser clockOn(Browser browser) {
        // a new code goes out at most every 30 seconds per user
        clock.advance(Duration.ofSeconds(31));
        return browser;
    }

    private Page toCodePage(Browser browser, UserView user) {
        Page password = SignInSteps.password(clockOn(browser), site.slug(), user.email(), TestUsers.PASSWORD);
        codesSent.merge(user.email(), 1, Integer::sum);
        assertThat(password.location()).isEqualTo(base + "/login/email");
        Page page = browser.get(base + "/login/email");
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    private Page adminCodePage(Browser browser, UserView admin) {
        clockOn(browser);
        Page password = browser.submit(
                browser.get("/admin/login"),
                "#login-form",
                Map.of("username", admin.email(), "password", TestUsers.PASSWORD));
        codesSent.merge(admin.email(), 1, Integer::sum);
        assertThat(password.location()).isEqualTo("/admin/login/email");
        return browser.get("/admin/login/email");
    }

    private void signInWithCode(Browser browser, UserView user, boolean remember) {
        Page page = toCodePage(browser, user);
        Map<String, String> fields = new HashMap<>(Map.of("code", nextCode(user)));
        if (remember) {
            fields.put("remember", "true");
        }
        assertThat(browser.submit(page, "#code-form", fields).location()).isEqualTo(base + "/");
    }

    /** The password step alone: true when it signed the browser in (the second factor skipped). */
    private boolean skips(Browser browser, UserView user) {
        Page page = SignInSteps.password(clockOn(browser), site.slug(), user.email(), TestUsers.PASSWORD);
        assertThat(page.status()).isEqualTo(302);
        if (page.location().equals(base + "/")) {
            return true;
        }
        assertThat(page.location()).startsWith(base + "/login/");
        codesSent.merge(user.email(), 1, Integer::sum);
        return false;
    }

    private void signOut(Browser browser) {
        Page out = browser.submit(browser.get(base + "/"), "#logout-form", Map.of());
        assertThat(out.location()).startsWith(base + "/login");
    }

    private String nextCode(UserView user) {
        return TestMailServer.awaitCode(user.email(), codesSent.get(user.email()));
    }

    private String token(Browser browser) {
        return browser.cookie(RememberCookie.NAME, base + "/").orElseThrow();
    }

    private long rows(UserView user) {
        return jdbc.sql("select count(*) from remembered_browser where user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private static List<Page> all(List<Callable<Page>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Page> pages = new ArrayList<>();
            for (Future<Page> f : pool.invokeAll(requests)) {
                pages.add(f.get());
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }
}
