package dev.latchkey.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The languages of the pages (and of the emails a request sends): English and Dutch. The browser's
 * {@code Accept-Language} decides until the user picks one with the switcher ({@code ?lang=nl}), which is then
 * remembered in a cookie. Anything else falls back to English.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, DUTCH);
    static final String PARAMETER = "lang";
    static final String COOKIE = "latchkey-lang";

    /** The supported language closest to what the browser asks for. */
    static Locale bestFor(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            Locale supported = supported(wanted.getLanguage());
            if (supported != null) {
                return supported;
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(String language) {
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equalsIgnoreCase(language))
                .findFirst()
                .orElse(null);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(Languages::bestFor);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Switch());
    }

    /** {@code ?lang=nl} on any page switches the language; an unknown language is ignored. */
    private static final class Switch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            String wanted = request.getParameter(PARAMETER);
            Locale locale = wanted == null ? null : supported(wanted.trim());
            if (locale != null) {
                RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
            }
            return true;
        }
    }
}
