package dev.latchkey.admin;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.BrandColors;
import dev.latchkey.sites.Branding;
import dev.latchkey.sites.InvalidBrandingException;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A site's branding (docs/features.md, "Branding"; ADR 0007): its colour and its logo. */
@Controller
@SystemAdminsOnly
class BrandingPageController {

    private final Sites sites;
    private final Branding branding;

    BrandingPageController(Sites sites, Branding branding) {
        this.sites = sites;
        this.branding = branding;
    }

    @GetMapping("/admin/sites/{slug}/branding")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable String slug, Model model) {
        return page(admin, site(slug), model, null);
    }

    @PostMapping("/admin/sites/{slug}/branding/color")
    String color(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable String slug,
            @RequestParam(required = false) String color,
            @RequestParam(required = false) String reset,
            Model model,
            HttpServletResponse response) {
        SiteView site = site(slug);
        String chosen = reset != null ? null : (color == null ? "" : color.trim());
        return saved(admin, site, model, response, () -> branding.setColor(site.id(), chosen, admin.email()));
    }

    @PostMapping("/admin/sites/{slug}/branding/logo")
    String logo(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable String slug,
            @RequestParam(required = false) MultipartFile logo,
            Model model,
            HttpServletResponse response)
            throws IOException {
        SiteView site = site(slug);
        byte[] upload = logo == null ? null : logo.getBytes();
        return saved(admin, site, model, response, () -> branding.setLogo(site.id(), upload, admin.email()));
    }

    @PostMapping("/admin/sites/{slug}/branding/logo/remove")
    String removeLogo(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable String slug) {
        branding.removeLogo(site(slug).id(), admin.email());
        return "redirect:/admin/sites/" + slug + "/branding?saved";
    }

    /** Applies a change and goes back to the page; a refused change shows the page again with why, as a 400. */
    private String saved(
            LatchkeyPrincipal admin, SiteView site, Model model, HttpServletResponse response, Runnable change) {
        try {
            change.run();
        } catch (InvalidBrandingException ex) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(admin, site, model, ex.getMessage());
        }
        return "redirect:/admin/sites/" + site.slug() + "/branding?saved";
    }

    private SiteView site(String slug) {
        return sites.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    private String page(LatchkeyPrincipal admin, SiteView site, Model model, String error) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("site", site);
        model.addAttribute("color", site.brandColor() == null ? BrandColors.DEFAULT : site.brandColor());
        model.addAttribute("ownColor", site.brandColor() != null);
        model.addAttribute("hasLogo", branding.hasLogo(site.id()));
        model.addAttribute("maxKb", Branding.MAX_LOGO_BYTES / 1024);
        model.addAttribute("maxSide", Branding.MAX_LOGO_SIDE);
        model.addAttribute("error", error);
        return "admin/branding";
    }
}
