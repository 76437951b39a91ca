package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input: an admin form checked by Bean Validation, sent by a system admin as multipart with a field as a file part
 * (which cannot be bound to the form), gets the 400 "not understood" page, as before the forms had a
 * {@code BindingResult}; never a 500, and never the form's own refusal.
 */
@IntegrationTest
class FormFileFieldsIntegrationTests {

    private static final String NOT_UNDERSTOOD = "The request was not understood";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Accounts accounts;

    @Test
    void aFieldSentAsAFileIsRefusedAsBadInputOnEveryConvertedAdminForm() {
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
        AccountView account = accounts.create(number, "Test Account " + number, AccountKind.CUSTOMER, List.of());
        String email = "f-" + UUID.randomUUID().toString().substring(0, 12) + "@users.test";

        refused(admin, "/admin/contacts/new?account=" + account.number(), Map.of("email", email), "name");
        refused(admin, "/admin/users/new", Map.of("site", "acme", "name", "File Field", "email", email), "phone");
        refused(admin, "/admin/admins/new", Map.of("name", "File Field", "email", email, "role", "SYSTEM"), "sites");
        refused(admin, "/admin/api-tokens", Map.of("name", "file-field", "scopes", "read"), "days");
        refused(
                admin,
                "/admin/login-security/sites/acme",
                Map.of("mode", "REQUIRED", "factors", "email"),
                "rememberDays");
        refused(admin, "/admin/login-security/admin-remember", Map.of(), "rememberDays");

        assertThat(accounts.contactsOf(account.id())).isEmpty();
    }

    private static void refused(Browser admin, String path, Map<String, String> fields, String fileField) {
        String csrf = admin.get("/admin/login-security")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        Map<String, String> withCsrf = new HashMap<>(fields);
        withCsrf.put("_csrf", csrf);
        Page answer =
                admin.postFile(path, withCsrf, fileField, "x.txt", "text/plain", "7".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.body()).as(path).contains(NOT_UNDERSTOOD).doesNotContain("Exception");
    }
}
