package dev.latchkey.portal;

import dev.latchkey.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The deployment's front page: its portals and the admin site. */
@Controller
class IndexController {

    private final Sites sites;

    IndexController(Sites sites) {
        this.sites = sites;
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("sites", sites.all());
        return "portal/index";
    }
}
