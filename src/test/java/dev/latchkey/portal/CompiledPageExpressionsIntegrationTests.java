package dev.latchkey.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Pages are the same once their expressions are compiled. With {@code spring.thymeleaf.enable-spring-el-compiler},
 * Spring compiles an expression to bytecode after it has been interpreted 100 times; a page rendered 150 times must
 * read the same at the end as at the start. And rendering a link stays cheap: it is not looked up as a static file.
 */
@IntegrationTest
class CompiledPageExpressionsIntegrationTests {

    private static final int RENDERINGS = 150;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApplicationContext context;

    @Test
    void theLoginPageTheHomeAndTheSecurityPageReadTheSameAfterCompilation() {
        Browser anonymous = new Browser(port);
        assertSameEveryTime(() -> anonymous.get("/sites/acme/login"));

        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        assertSameEveryTime(() -> browser.get("/sites/acme/"));
        assertSameEveryTime(() -> browser.get("/sites/acme/account/security"));
    }

    /**
     * springdoc's webjars-locator-lite switches Spring Boot's resource chain on, whose URL encoding filter looked every
     * link of every page up as a static file in every jar of the class path (a fifth of the login page's server time).
     * {@code spring.web.resources.chain.enabled=false} keeps it off; pages link their stylesheet by its plain path.
     */
    @Test
    void linksOnAPageAreNotLookedUpAsStaticFiles() {
        assertThat(context.containsBean("resourceUrlEncodingFilter")).isFalse();
        assertThat(new Browser(port).get("/sites/acme/login").body()).contains("href=\"/css/app.css\"");
    }

    private static void assertSameEveryTime(Supplier<Page> render) {
        String first = null;
        for (int i = 0; i < RENDERINGS; i++) {
            Page page = render.get();
            assertThat(page.status()).as("rendering %d of %s", i, page.path()).isEqualTo(200);
            String body = withoutCsrfToken(page.body());
            if (first == null) {
                first = body;
                assertThat(first).contains("<main");
            } else {
                assertThat(body).as("rendering %d of %s", i, page.path()).isEqualTo(first);
            }
        }
    }

    /**
     * The CSRF token is masked afresh for every response, and a session's "last active" time moves with every request
     * (F-ACCOUNT-4: the Security page lists the sessions); everything else must not change.
     */
    private static String withoutCsrfToken(String html) {
        return html.replaceAll("(name=\"_csrf\" value=\")[^\"]*\"", "$1\"")
                .replaceAll("(<meta name=\"_csrf\" content=\")[^\"]*\"", "$1\"")
                .replaceAll("(<time class=\"local-time\" datetime=\")[^\"]*(\">)[^<]*(</time>)", "$1$2$3");
    }
}
