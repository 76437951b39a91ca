package dev.latchkey.shared.web;

import java.util.List;
import java.util.Locale;
import dev.latchkey.shared.LatchkeyProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

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

    /**
     * The language switcher: the same page in each language. Pages that answer a form (a POST) have no address of
     * their own to reload, so they show no switcher.
     */
    @ModelAttribute("languages")
    List<LanguageLink> languages(HttpServletRequest request, Locale current) {
        if (!"GET".equals(request.getMethod())) {
            return List.of();
        }
        // an error page links to the page that failed, not to /error
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String f ? f : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (!path.startsWith("/") || path.startsWith("//")) {
            path = "/";
        }
        String query = UriComponentsBuilder.newInstance().query(failed == null ? request.getQueryString() : null).replaceQueryParam(
                Languages.PARAMETER).build().getQuery();
        String base = request.getContextPath() + path + "?" + (query == null || query.isEmpty() ? "" : query + "&");
        return Languages.SUPPORTED.stream().map(l -> new LanguageLink(l.getLanguage(),
                capitalised(l.getDisplayLanguage(l)), base + Languages.PARAMETER + "=" + l.getLanguage(),
                l.getLanguage().equals(current.getLanguage()))).toList();
    }

    private static String capitalised(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** One entry of the language switcher, named in its own language. */
    public record LanguageLink(String tag, String name, String href, boolean current) {}
}
