package dev.latchkey.shared.web;

import dev.latchkey.shared.LatchkeyProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page layout may use. */
@ControllerAdvice
class LayoutAdvice {

    private final LatchkeyProperties properties;

    LayoutAdvice(LatchkeyProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("demo")
    boolean demo() {
        return properties.demo();
    }

    /** The path of the page, so the navigation can mark where the user is. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
