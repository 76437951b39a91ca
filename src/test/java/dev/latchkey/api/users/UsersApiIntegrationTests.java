package dev.latchkey.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.ApiScope;
import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestTokens;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * F-API-1 portal users: the list and its filters in cursor pages, a user, and the actions, each with the same effect,
 * audit entry and email as on the admin's Users page ({@code AdminActionsIntegrationTests},
 * {@code UsersPageIntegrationTests}), the audit naming the token.
 */
@IntegrationTest
class UsersApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    AuditLog audit;

    ApiClient api() {
        return ApiClient.at(port);
    }

    String reader() {
        return tokens.issue("users-reader", ApiScope.READ);
    }

    @Test
    void aUserHasTheirSiteTwoFactorStatusAndFactors() {
        UserView user = testUsers.portalUser("globex", true);
        Response got = api().get("/api/v1/users/" + user.id(), reader());
        assertThat(got.status()).isEqualTo(200);
        JsonNode body = got.body();
        assertThat(body.get("id").asLong()).isEqualTo(user.id());
        assertThat(body.get("email").asString()).isEqualTo(user.email());
        assertThat(body.get("site").asString()).isEqualTo("globex");
        assertThat(body.get("mfa").asString()).isEqualTo("not-activated");
        assertThat(body.get("strongest").asString()).isEqualTo("email");
        assertThat(body.get("factors").toString()).contains("email");
        assertThat(body.get("mfaRequired").asBoolean()).isTrue();
        assertThat(body.get("locked").asBoolean()).isFalse();
        assertThat(body.get("pendingEmail").isNull()).isTrue();
    }

    @Test
    void adminsAndUnknownIdsAreNotFoundAndABadIdIsABadRequest() {
        String token = reader();
        UserView admin = testUsers.admin();
        for (String id : List.of(Long.toString(admin.id()), "0", "-1", Long.toString(Long.MAX_VALUE))) {
            Response answer = api().get("/api/v1/users/" + id, token);
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
        }
        for (String id : List.of("99999999999999999999999", "abc", "1.5")) {
            Response answer = api().get("/api/v1/users/" + id, token);
            assertThat(answer.status()).as(id).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        Response action =
                api().post("/api/v1/users/" + admin.id() + "/lock", tokens.issue("w", ApiScope.USERS_WRITE), null);
        assertThat(action.status()).isEqualTo(404);
        assertThat(users.find(admin.id()).orElseThrow().locked())
                .as("an admin is out of the API's reach")
                .isFalse();
    }

    @Test
    void theListFiltersBySiteStatusStrongestFactorAndSearch() {
        String tag = "apif" + System.nanoTime();
        UserView plain = portalUser("globex", tag + "-plain");
        UserView activated = portalUser("globex", tag + "-totp");
        testUsers.withAuthenticator(sites.findBySlug("globex").orElseThrow().realm(), activated);
        UserView other = portalUser("acme", tag + "-acme");
        String token = reader();

        assertThat(emails("/api/v1/users?q=" + tag, token))
                .containsExactlyInAnyOrder(plain.email(), activated.email(), other.email());
        assertThat(emails("/api/v1/users?site=globex&q=" + tag, token))
                .containsExactlyInAnyOrder(plain.email(), activated.email());
        assertThat(emails("/api/v1/users?mfa=activated&q=" + tag, token)).containsExactly(activated.email());
        assertThat(emails("/api/v1/users?mfa=not-activated&site=globex&q=" + tag, token))
                .containsExactly(plain.email());
        assertThat(emails("/api/v1/users?strongest=totp&q=" + tag, token)).containsExactly(activated.email());
        assertThat(emails("/api/v1/users?strongest=email&q=" + tag, token))
                .containsExactlyInAnyOrder(plain.email(), other.email());
        assertThat(emails("/api/v1/users?q=" + tag.toUpperCase() + "-PLAIN", token))
                .containsExactly(plain.email());
    }

    @Test
    void unknownFilterValuesAreABadRequestNamingTheParameter() {
        String token = reader();
        Map<String, String> bad = Map.of(
                "site=no-such-site",
                "site",
                "site=../../etc",
                "site",
                "mfa=maybe",
                "mfa",
                "strongest=carrier-pigeon",
                "strongest",
                "limit=0",
                "limit",
                "limit=201",
                "limit",
                "limit=ten",
                "limit",
                "cursor=not-a-cursor",
                "cursor",
                "cursor=%2F%2F%2F",
                "cursor",
                "q=" + "x".repeat(400),
                "q");
        bad.forEach((query, field) -> {
            Response answer = api().get("/api/v1/users?" + query, token);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).as(query).isTrue();
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(field);
        });
    }

    @Test
    void cursorPagesListEveryUserOnceInOrder() {
        String tag = "apip" + System.nanoTime();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(portalUser(i % 2 == 0 ? "globex" : "acme", tag + "-" + i).email());
        }
        String token = reader();
        List<String> seen = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page =
                    api().get("/api/v1/users?limit=3&q=" + tag + (next == null ? "" : "&cursor=" + next), token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(3);
            page.body().get("items").forEach(item -> {
                seen.add(item.get("email").asString());
                ids.add(item.get("id").asLong());
            });
            next = page.body().get("next").isNull()
                    ? null
                    : page.body().get("next").asString();
            if (pages == 0) {
                // a user added while paging shows up at the end, not as a duplicate
                made.add(portalUser("globex", tag + "-late").email());
            }
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(ids).isSorted();
    }

    @Test
    void readingNeedsTheReadScopeAndActingNeedsUsersWrite() {
        UserView user = testUsers.portalUser("globex");
        String writerOnly = tokens.issue("users-writer", ApiScope.USERS_WRITE);
        String readerOnly = reader();
        String other = tokens.issue(
                "other",
                ApiScope.READ,
                ApiScope.CONTACTS_WRITE,
                ApiScope.SITES_WRITE,
                ApiScope.ACCOUNTS_WRITE,
                ApiScope.AUDIT_READ);
        assertThat(api().get("/api/v1/users", writerOnly).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/users/" + user.id(), writerOnly).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/users?limit=1", readerOnly).status()).isEqualTo(200);
        for (String token : List.of(readerOnly, other)) {
            for (String action : List.of("delete-2fa", "lock", "unlock", "password-reset")) {
                Response refused = api().post("/api/v1/users/" + user.id() + "/" + action, token, null);
                assertThat(refused.status()).as(action).isEqualTo(403);
                assertThat(refused.isProblem()).isTrue();
            }
            assertThat(api().post("/api/v1/users/" + user.id() + "/require-2fa", token, Map.of("required", true))
                            .status())
                    .isEqualTo(403);
        }
        UserView after = users.find(user.id()).orElseThrow();
        assertThat(after.locked()).isFalse();
        assertThat(after.mfaRequired()).isFalse();
        assertThat(audit.recentFor(user.id())).extracting(AuditEntry::type).noneMatch(t -> t.startsWith("admin."));
        assertThat(TestMailServer.messagesTo(user.email())).isEmpty();
        assertThat(api().get("/api/v1/users", null).status()).isEqualTo(401);
    }

    @Test
    void requireTwoFactorIsAuditedWithTheTokenAndEmailedLikeOnTheAdminPage() {
        UserView user = testUsers.portalUser("globex");
        var issued = tokens.issued("crm-sync", java.time.Duration.ofDays(1), ApiScope.USERS_WRITE);
        Response set =
                api().post("/api/v1/users/" + user.id() + "/require-2fa", issued.secret(), Map.of("required", true));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("mfaRequired").asBoolean()).isTrue();
        assertThat(users.find(user.id()).orElseThrow().mfaRequired()).isTrue();
        assertThat(audit.recentFor(user.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.2fa-required");
            assertThat(e.actor()).isEqualTo("api-token:" + issued.name());
        });
        assertThat(TestMailServer.awaitMessage(user.email(), "now required")).isNotBlank();

        Response again =
                api().post("/api/v1/users/" + user.id() + "/require-2fa", issued.secret(), "{\"required\": true}");
        assertThat(again.status()).as("repeating it changes nothing more").isEqualTo(200);
        assertThat(again.body().get("mfaRequired").asBoolean()).isTrue();
        Response cleared =
                api().post("/api/v1/users/" + user.id() + "/require-2fa", issued.secret(), Map.of("required", false));
        assertThat(cleared.body().get("mfaRequired").asBoolean()).isFalse();
    }

    @Test
    void deleteTwoFactorSetupRemovesFactorsEndsSessionsAndIsAuditedAndEmailed() {
        UserView user = testUsers.portalUser("globex");
        Realm globex = sites.findBySlug("globex").orElseThrow().realm();
        backupCodes.generate(globex, user.id(), user.email());
        Browser userBrowser = new Browser(port);
        assertThat(SignInSteps.password(userBrowser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/");
        var issued = tokens.issued("helpdesk", java.time.Duration.ofDays(1), ApiScope.USERS_WRITE);

        Response deleted = api().post("/api/v1/users/" + user.id() + "/delete-2fa", issued.secret(), null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("factors").toString()).doesNotContain("backup");
        assertThat(backupCodes.remaining(user.id())).isZero();
        assertThat(userBrowser.get("/sites/globex/").location())
                .as("sessions ended")
                .isEqualTo("/sites/globex/login");
        assertThat(TestMailServer.awaitMessage(user.email(), "two-factor setup"))
                .isNotBlank();
        assertThat(audit.recentFor(user.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.2fa-deleted");
            assertThat(e.actor()).isEqualTo("api-token:" + issued.name());
        });
    }

    @Test
    void lockAndUnlockWorkAsOnTheAdminPage() {
        UserView user = testUsers.portalUser("globex");
        Browser userBrowser = new Browser(port);
        SignInSteps.password(userBrowser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(userBrowser.get("/sites/globex/").status()).isEqualTo(200);
        var issued = tokens.issued("lockbot", java.time.Duration.ofDays(1), ApiScope.USERS_WRITE);

        Response locked = api().post("/api/v1/users/" + user.id() + "/lock", issued.secret(), null);
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.body().get("locked").asBoolean()).isTrue();
        assertThat(users.find(user.id()).orElseThrow().locked()).isTrue();
        assertThat(userBrowser.get("/sites/globex/").location())
                .as("sessions ended")
                .isEqualTo("/sites/globex/login");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(TestMailServer.awaitMessage(user.email(), "is locked")).contains(issued.name());

        Response unlocked = api().post("/api/v1/users/" + user.id() + "/unlock", issued.secret(), null);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body().get("locked").asBoolean()).isFalse();
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isZero();
        assertThat(TestMailServer.awaitMessage(user.email(), "unlocked")).contains(issued.name());
        assertThat(audit.recentFor(user.id()))
                .extracting(AuditEntry::type, AuditEntry::actor)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("admin.locked", "api-token:" + issued.name()),
                        org.assertj.core.groups.Tuple.tuple("admin.unlocked", "api-token:" + issued.name()));
    }

    @Test
    void concurrentAndRepeatedLocksLockOnceWithOneAuditRowAndOneEmail() throws Exception {
        UserView user = testUsers.portalUser("globex");
        String token = tokens.issue("parallel", ApiScope.USERS_WRITE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api().post("/api/v1/users/" + user.id() + "/lock", token, null)
                        .status());
            }
            for (var answer : pool.invokeAll(calls)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200);
        assertThat(api().post("/api/v1/users/" + user.id() + "/lock", token, null)
                        .status())
                .as("replayed")
                .isEqualTo(200);
        assertThat(users.find(user.id()).orElseThrow().locked()).isTrue();
        TestMailServer.awaitMessage(user.email(), "is locked");
        assertThat(audit.recentFor(user.id()).stream()
                        .filter(e -> e.type().equals("admin.locked"))
                        .count())
                .isEqualTo(1);
        Thread.sleep(500);
        assertThat(TestMailServer.messagesTo(user.email()).stream()
                        .filter(m -> subject(m).contains("is locked"))
                        .count())
                .isEqualTo(1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }

    @Test
    void passwordResetSendsTheLinkToTheSignInAddress() {
        UserView user = testUsers.portalUser("globex");
        var issued = tokens.issued("reset", java.time.Duration.ofDays(1), ApiScope.USERS_WRITE);
        Response sent = api().post("/api/v1/users/" + user.id() + "/password-reset", issued.secret(), null);
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().get("sentTo").asString()).isEqualTo(user.email());
        assertThat(TestMailServer.awaitMessage(user.email(), "new password")).contains("/sites/globex/invitation/");
        assertThat(audit.recentFor(user.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.password-reset-sent");
            assertThat(e.actor()).isEqualTo("api-token:" + issued.name());
        });
    }

    @Test
    void fuzzedActionsAreFourHundredsAndChangeNothing() {
        UserView user = testUsers.portalUser("globex");
        String token = tokens.issue("fuzz", ApiScope.READ, ApiScope.USERS_WRITE);
        String path = "/api/v1/users/" + user.id() + "/require-2fa";
        for (String body : List.of(
                "{",
                "",
                "null",
                "[]",
                "\"required\"",
                "{\"required\": \"yes\"}",
                "{\"required\": 1}",
                "{\"required\": \"true\"}",
                "{\"required\": null}",
                "{}",
                "{\"required\": {\"a\": 1}}",
                // 413 once the 64 KiB limit reads it, 400 before: never taken in
                "{\"required\": \"" + "x".repeat(70_000) + "\"}")) {
            Response answer = api().post(path, token, body);
            assertThat(answer.status()).as(body.length() > 40 ? "huge" : body).isBetween(400, 499);
            assertThat(answer.isProblem())
                    .as(body.length() > 40 ? "huge" : body)
                    .isTrue();
        }
        Response wrongType = api().send("POST", path, token, "text/plain", "required=true".getBytes(), new String[0]);
        assertThat(wrongType.status()).isBetween(400, 499);
        for (String target : List.of(
                "/api/v1/users/99999999999999999999/lock",
                "/api/v1/users/-5/lock",
                "/api/v1/users/" + user.id() + "/explode")) {
            Response answer = api().post(target, token, null);
            assertThat(answer.status()).as(target).isBetween(400, 499);
            assertThat(answer.isProblem()).as(target).isTrue();
        }
        // the servlet firewall refuses an encoded NUL before any API code runs
        assertThat(api().post("/api/v1/users/" + user.id() + "%00/lock", token, null)
                        .status())
                .isEqualTo(400);
        for (String query : List.of(
                "mfa=",
                "strongest=",
                "limit=-1",
                "limit=99999999999",
                "cursor=",
                "q=%00",
                "cursor=" + "A".repeat(5000),
                "site=" + "a".repeat(300))) {
            Response answer = api().get("/api/v1/users?" + query, token);
            assertThat(answer.status()).as(query).isBetween(200, 499);
            assertThat(answer.status() == 200 || answer.isProblem()).as(query).isTrue();
        }
        UserView after = users.find(user.id()).orElseThrow();
        assertThat(after.mfaRequired()).isFalse();
        assertThat(after.locked()).isFalse();
        assertThat(audit.recentFor(user.id())).extracting(AuditEntry::type).noneMatch(t -> t.startsWith("admin."));
    }

    private List<String> emails(String path, String token) {
        Response page = api().get(path, token);
        assertThat(page.status()).as(path).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        page.body().get("items").forEach(item -> emails.add(item.get("email").asString()));
        return emails;
    }

    private UserView portalUser(String slug, String emailPrefix) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(
                realm,
                new dev.latchkey.users.NewUser(
                        emailPrefix + "@" + slug + ".test", "Api Test", TestUsers.PASSWORD, true, null, false, null));
    }
}
