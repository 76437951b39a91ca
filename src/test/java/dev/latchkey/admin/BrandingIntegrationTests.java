package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Branding;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.PngFiles;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Site branding: the colour and logo an admin sets, what the portal serves, and what is refused. */
@IntegrationTest
class BrandingIntegrationTests {

    static final String PAGE = "/admin/sites/globex/branding";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    Branding branding;

    @Autowired
    JdbcClient jdbc;

    Browser admin;
    String before;

    @BeforeEach
    void signIn() {
        UserView user = testUsers.admin();
        admin = SignInSteps.admin(port, user.email(), TestUsers.PASSWORD, 1);
        before = css();
    }

    @AfterEach
    void backToTheDemoLook() {
        long globex = sites.findBySlug("globex").orElseThrow().id();
        branding.setColor(globex, "#6d28d9", "test");
        branding.removeLogo(globex, "test");
    }

    @Test
    void aColourChangesThePortalsStylesheetWithReadableText() {
        Page saved = admin.submit(admin.get(PAGE), "#brand-color-form", Map.of("color", "#FFEB3B"));
        assertThat(saved.location()).isEqualTo(PAGE + "?saved");
        String css = css();
        assertThat(css).contains("--brand: #ffeb3b;").contains("--on-brand: #000000;");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'settings.branding' and detail"
                                + " like '%#ffeb3b%'")
                        .query(Long.class)
                        .single())
                .isPositive();

        Page reset = admin.submit(admin.get(PAGE), "#brand-color-form", Map.of("reset", "true"));
        assertThat(reset.location()).isEqualTo(PAGE + "?saved");
        assertThat(css()).contains("--brand: #2f5bea;");
    }

    @Test
    void aBadColourIsRefusedClearlyAndChangesNothing() {
        for (String bad : new String[] {"red", "#fff", "#12345g", "#0f766e;}body{display:none", ""}) {
            Page refused = admin.submit(admin.get(PAGE), "#brand-color-form", Map.of("color", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.alerts()).contains("six hexadecimal digits");
            assertThat(css()).isEqualTo(before);
        }
    }

    @Test
    void anUploadedLogoIsServedAsAFreshPngAndCanBeRemoved() throws IOException {
        assertThat(admin.getBytes("/sites/globex/logo.png").statusCode()).isEqualTo(404);
        byte[] jpeg = image("jpg", 120, 40);
        Page saved = upload("logo.jpg", "image/jpeg", jpeg);
        assertThat(saved.location()).isEqualTo(PAGE + "?saved");

        HttpResponse<byte[]> logo = new Browser(port).getBytes("/sites/globex/logo.png");
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(logo.body()));
        assertThat(served.getWidth()).isEqualTo(120);
        assertThat(served.getHeight()).isEqualTo(40);
        assertThat(new Browser(port).get("/sites/globex/login").document().select("img.brand-logo"))
                .hasSize(1);

        Page removed = admin.submit(admin.get(PAGE), "form[action$=/logo/remove]", Map.of());
        assertThat(removed.location()).isEqualTo(PAGE + "?saved");
        assertThat(admin.getBytes("/sites/globex/logo.png").statusCode()).isEqualTo(404);
        assertThat(new Browser(port).get("/sites/globex/login").document().select("img.brand-logo"))
                .isEmpty();
    }

    @Test
    void anythingButASmallPngOrJpegIsRefusedAndChangesNothing() throws IOException {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] fakePng = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4, 5};
        byte[] huge = image("png", 1500, 20);
        byte[] tooBig = new byte[Branding.MAX_LOGO_BYTES + 1];
        System.arraycopy(image("png", 10, 10), 0, tooBig, 0, 20);
        String[][] cases = {
            {"logo.svg", "image/svg+xml", "not a PNG or JPEG"},
            {"logo.html", "text/html", "not a PNG"},
            {"fake.png", "image/png", "not a PNG"},
            {"huge.png", "image/png", "too large"},
            {"big.png", "image/png", "too big"},
            {"empty.png", "image/png", "Choose an image"}
        };
        byte[][] bodies = {svg, html, fakePng, huge, tooBig, new byte[0]};
        for (int i = 0; i < cases.length; i++) {
            Page refused = upload(cases[i][0], cases[i][1], bodies[i]);
            assertThat(refused.status()).as(cases[i][0]).isEqualTo(400);
            assertThat(refused.alerts()).as(cases[i][0]).contains(cases[i][2]);
            assertThat(admin.getBytes("/sites/globex/logo.png").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aTinyPngThatDeclaresHugeDimensionsIsRefusedAsTooLargeAndChangesNothing() {
        long audited = brandingEvents();
        byte[] bomb = PngFiles.declaring(40_000, 40_000);
        Page refused = upload("bomb.png", "image/png", bomb);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.alerts()).contains("That image is too large");
        assertThat(admin.getBytes("/sites/globex/logo.png").statusCode()).isEqualTo(404);
        assertThat(brandingEvents()).isEqualTo(audited);
    }

    @Test
    void withoutTheCsrfTokenOrAsAPortalUserNothingChanges() {
        assertThat(admin.post(PAGE.replace("branding", "branding/color"), Map.of("color", "#000000"))
                        .status())
                .isEqualTo(403);
        UserView user = testUsers.portalUser("globex");
        Browser portal = new Browser(port);
        SignInSteps.password(portal, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(portal.get(PAGE).status()).isIn(302, 403, 404);
        assertThat(css()).isEqualTo(before);
    }

    private long brandingEvents() {
        return jdbc.sql("select count(*) from audit_event where type = 'settings.branding'")
                .query(Long.class)
                .single();
    }

    private Page upload(String name, String type, byte[] content) {
        String csrf = admin.get(PAGE)
                .document()
                .selectFirst("#brand-logo-form input[name=_csrf]")
                .attr("value");
        return admin.postFile(PAGE + "/logo", Map.of("_csrf", csrf), "logo", name, type, content);
    }

    private String css() {
        return new Browser(port).get("/sites/globex/brand.css").body();
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(2, 2, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
