package dev.latchkey.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The language switcher of every page: the same page in each language. The layout asks for it itself
 * ({@code @languageLinks.current()}), so every page has one, whoever rendered it: a controller, an exception handler (a
 * 400 or a refusal) or the error page of a 404.
 *
 * <p>A page that answers a form (a POST) has no address of its own to reload, so its switcher leads to the nearest page
 * a browser can open: the same path when it also answers GET (a failed sign-in shows the sign-in page again), else the
 * path one step up ({@code …/totp/confirm} → {@code …/totp}). Nothing the form sent is repeated. A page that would lose
 * something the user must keep says so next to the switcher (model attribute {@code languageWarning}). An error page
 * links to the page that failed, not to {@code /error}.
 */
@Component("languageLinks")
public class LanguageLinks { // public for the layout: Spring's SpEL compiler compiles calls on public types only

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> pages;

    LanguageLinks(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The links for the request being answered, or none outside a request. */
    public List<LanguageLink> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return List.of();
        }
        return of(attributes.getRequest(), LocaleContextHolder.getLocale());
    }

    List<LanguageLink> of(HttpServletRequest request, Locale current) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String f ? f : request.getRequestURI();
        String path =
                uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (!path.startsWith("/") || path.startsWith("//")) {
            path = "/";
        }
        boolean get = "GET".equals(request.getMethod());
        if (!get || failed != null) {
            path = nearestPage(path);
        }
        String query = UriComponentsBuilder.newInstance()
                .query(failed == null && get ? request.getQueryString() : null)
                .replaceQueryParam(Languages.PARAMETER)
                .build()
                .getQuery();
        String base = request.getContextPath() + path + "?" + (query == null || query.isEmpty() ? "" : query + "&");
        return Languages.SUPPORTED.stream()
                .map(l -> new LanguageLink(
                        l.getLanguage(),
                        capitalised(l.getDisplayLanguage(l)),
                        base + Languages.PARAMETER + "=" + l.getLanguage(),
                        l.getLanguage().equals(current.getLanguage())))
                .toList();
    }

    /** The path itself or the nearest path above it that a GET handler answers; "/" at the last. */
    String nearestPage(String path) {
        String candidate = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        while (!candidate.isEmpty()) {
            PathContainer parsed = PathContainer.parsePath(candidate);
            if (pages().stream().anyMatch(p -> p.matches(parsed))) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return "/";
    }

    private List<PathPattern> pages() {
        List<PathPattern> known = pages;
        if (known == null) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            known = mapping == null
                    ? List.of()
                    : mapping.getHandlerMethods().keySet().stream()
                            .filter(info -> info.getMethodsCondition()
                                            .getMethods()
                                            .isEmpty()
                                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                            .filter(info -> info.getPathPatternsCondition() != null)
                            .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                            .toList();
            pages = known;
        }
        return known;
    }

    private static String capitalised(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** One entry of the language switcher, named in its own language. */
    public record LanguageLink(String tag, String name, String href, boolean current) {}
}
