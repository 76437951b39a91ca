package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * F-LOGIN-4 in a web slice, without a database: the real filter chain of {@link SecurityConfiguration} in front of a
 * stand-in page under every realm path. A site's pages need a session of that site; a visitor without one is sent to
 * that site's login page; no portal session reaches {@code /admin/}; paths outside every realm answer 404; a form post
 * without its CSRF token changes nothing. The full sign-in flows are the integration tests'.
 */
@WebMvcTest(RealmAccessTests.Pages.class)
@Import({WebSecuritySlice.class, RealmAccessTests.Pages.class})
class RealmAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aVisitorWithoutASessionIsSentToTheLoginPageOfTheRealmTheyAskedFor() {
        assertThat(mvc.get().uri("/sites/acme/")).hasStatus(302).hasHeader("Location", "/sites/acme/login");
        assertThat(mvc.get().uri("/sites/globex/account/security"))
                .hasStatus(302)
                .hasHeader("Location", "/sites/globex/login");
        assertThat(mvc.get().uri("/admin/users")).hasStatus(302).hasHeader("Location", "/admin/login");
    }

    @Test
    void theLoginPagesArePublic() {
        assertThat(mvc.get().uri("/sites/acme/login")).hasStatusOk();
        assertThat(mvc.get().uri("/admin/login")).hasStatusOk();
    }

    @Test
    void aSessionOfOneSiteReachesThatSiteOnly() {
        assertThat(mvc.get().uri("/sites/acme/").with(authentication(WebSecuritySlice.portalUser("acme"))))
                .hasStatusOk();
        assertThat(mvc.get().uri("/sites/globex/").with(authentication(WebSecuritySlice.portalUser("acme"))))
                .hasStatus(302)
                .hasHeader("Location", "/sites/globex/login");
    }

    @Test
    void noPortalSessionReachesTheAdminSite() {
        assertThat(mvc.get().uri("/admin/users").with(authentication(WebSecuritySlice.portalUser("acme"))))
                .hasStatus(302)
                .hasHeader("Location", "/admin/login");
    }

    @Test
    void pathsOutsideEveryRealmAreNotFound() {
        assertThat(mvc.get().uri("/elsewhere")).hasStatus(404);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsForbiddenEvenForTheRightSession() {
        assertThat(mvc.post()
                        .uri("/sites/acme/account/security")
                        .with(authentication(WebSecuritySlice.portalUser("acme"))))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/sites/acme/account/security")
                        .with(authentication(WebSecuritySlice.portalUser("acme")))
                        .with(csrf()))
                .hasStatusOk();
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndReferrerPolicy() {
        assertThat(mvc.get().uri("/sites/acme/login"))
                .hasHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .hasHeader("Referrer-Policy", "same-origin");
    }

    /** A stand-in page under every realm path, answering 200 to whoever the filter chain lets through. */
    @RestController
    static class Pages {

        @GetMapping({"/sites/{slug}/**", "/admin/**"})
        String page() {
            return "page";
        }

        @PostMapping("/sites/{slug}/**")
        String form() {
            return "saved";
        }
    }
}
