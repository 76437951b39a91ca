package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.latchkey.signin.WebSecuritySlice;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A site's stylesheet and logo in a web slice behind the application's real security rules: public to read, cached for
 * a minute with an ETag, a missing logo is a 404. The branding data itself is stubbed; storing it is
 * {@code BrandingIntegrationTests}' part, on H2 and PostgreSQL.
 */
@WebMvcTest(BrandingController.class)
@Import(WebSecuritySlice.class)
class BrandingControllerTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Branding branding;

    @BeforeEach
    void brands() {
        when(branding.css("acme")).thenReturn(":root { --brand: #0f766e; }");
        when(branding.logo("acme")).thenReturn(Optional.of(PNG));
        when(branding.logo("globex")).thenReturn(Optional.empty());
    }

    @Test
    void theStylesheetIsPublicAndCachedForAMinuteWithAnEtag() {
        MvcTestResult css = mvc.get().uri("/sites/acme/brand.css").exchange();

        assertThat(css)
                .hasStatusOk()
                .hasContentType("text/css;charset=UTF-8")
                .hasHeader("Cache-Control", "max-age=60, public")
                .hasBodyTextEqualTo(":root { --brand: #0f766e; }");
        String etag = css.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(mvc.get().uri("/sites/acme/brand.css").header("If-None-Match", etag))
                .hasStatus(304);
    }

    @Test
    void theLogoIsPublicAndCachedAndASiteWithoutOneHasNone() {
        MvcTestResult logo = mvc.get().uri("/sites/acme/logo.png").exchange();

        assertThat(logo).hasStatusOk().hasContentType("image/png").hasHeader("Cache-Control", "max-age=60, public");
        assertThat(logo.getResponse().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(mvc.get()
                        .uri("/sites/acme/logo.png")
                        .header("If-None-Match", logo.getResponse().getHeader("ETag")))
                .hasStatus(304);
        assertThat(mvc.get().uri("/sites/globex/logo.png")).hasStatus(404);
    }

    @Test
    void onlyReadingIsPublic() {
        assertThat(mvc.post().uri("/sites/acme/brand.css")).hasStatus(403);
    }
}
