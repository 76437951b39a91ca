package dev.latchkey.sites;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * A site's colours and logo for its pages, public like the sign-in page they style. Browsers keep them and ask again
 * after a minute (ETag), so a change by an admin shows soon without costing a download per page.
 */
@Controller
class BrandingController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final Branding branding;

    BrandingController(Branding branding) {
        this.branding = branding;
    }

    @GetMapping("/sites/{slug}/brand.css")
    ResponseEntity<String> css(@PathVariable String slug, WebRequest request) {
        String css = branding.css(slug);
        String etag = "\"" + DigestUtils.md5DigestAsHex(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(etag)
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .body(css);
    }

    @GetMapping("/sites/{slug}/logo.png")
    ResponseEntity<byte[]> logo(@PathVariable String slug, WebRequest request) {
        byte[] png = branding.logo(slug).orElse(null);
        if (png == null) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + DigestUtils.md5DigestAsHex(png) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(etag)
                .contentType(MediaType.IMAGE_PNG)
                .body(png);
    }
}
