package dev.latchkey.shared.web;

import java.util.List;

/**
 * What a {@code User-Agent} header says about the browser, for texts a user reads (the security alert email): a browser
 * family with its major version and an operating system, each from the fixed lists below, or {@code null} when the
 * header names none of them. No character of the header itself is ever returned, so a header full of links and phone
 * numbers cannot put them in an email (SECURITY.md, "Phishing through the alert email").
 *
 * <p>Deliberately small and conservative instead of a full User-Agent parser: a parser's regex list adds start-up time
 * and memory, its names can echo text captured from the header, and a sender chooses its header freely anyway, so the
 * summary is a hint for the user, never evidence.
 */
public record BrowserSummary(String browser, String system) {

    /**
     * "Chrome 120 on Windows" for an email or a page, in the reader's language, in words of Latchkey's own: the
     * User-Agent header is the sender's free text, and an attacker's links or phone number must not reach the user. A
     * {@link String} or a {@link org.springframework.context.MessageSourceResolvable} of the keys
     * {@code mail.alert.browserOn} and {@code mail.alert.unknownBrowser}, either of which a message argument takes.
     */
    public static Object describe(String userAgent) {
        BrowserSummary summary = of(userAgent);
        Object name = summary.browser() != null
                ? summary.browser()
                : new org.springframework.context.support.DefaultMessageSourceResolvable("mail.alert.unknownBrowser");
        return summary.system() == null
                ? name
                : new org.springframework.context.support.DefaultMessageSourceResolvable(
                        new String[] {"mail.alert.browserOn"}, new Object[] {name, summary.system()});
    }

    /** Real headers are well under this; {@link ClientInfo} keeps 300 characters. */
    private static final int MAX_HEADER = 512;

    private static final int MAX_VERSION_DIGITS = 4;

    /** Most specific first: Edge's header also names Chrome and Safari, Chrome's also names Safari. */
    private static final List<Name> BROWSERS = List.of(
            new Name("Edge", "Edg/", "EdgA/", "EdgiOS/", "Edge/"),
            new Name("Opera", "OPR/", "OPiOS/", "OPT/"),
            new Name("Samsung Internet", "SamsungBrowser/"),
            new Name("Vivaldi", "Vivaldi/"),
            new Name("Yandex Browser", "YaBrowser/"),
            new Name("Firefox", "FxiOS/", "Firefox/"),
            new Name("Chrome", "CriOS/", "Chrome/"),
            new Name("Internet Explorer", "MSIE "));

    /** iOS before macOS (iPhones say "like Mac OS X"), Android before Linux. */
    private static final List<Name> SYSTEMS = List.of(
            new Name("Windows", "Windows"),
            new Name("iOS", "iPhone", "iPad", "iPod"),
            new Name("Android", "Android"),
            new Name("ChromeOS", "CrOS"),
            new Name("macOS", "Macintosh", "Mac OS X"),
            new Name("Linux", "Linux", "X11"));

    /** The summary of a header; both parts {@code null} for a missing or unknown one. */
    public static BrowserSummary of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new BrowserSummary(null, null);
        }
        String header = userAgent.length() <= MAX_HEADER ? userAgent : userAgent.substring(0, MAX_HEADER);
        String system = SYSTEMS.stream()
                .filter(s -> s.foundIn(header) != null)
                .map(Name::name)
                .findFirst()
                .orElse(null);
        return new BrowserSummary(browser(header, system), system);
    }

    private static String browser(String header, String system) {
        for (Name name : BROWSERS) {
            String token = name.foundIn(header);
            if (token != null) {
                return name.name() + version(header, token);
            }
        }
        // Safari names no token of its own: "Version/17.1 … Safari/604.1", and only on Apple's systems
        if (header.contains("Safari/")
                && header.contains("Version/")
                && ("iOS".equals(system) || "macOS".equals(system))) {
            return "Safari" + version(header, "Version/");
        }
        return null;
    }

    /** " 120" for "Chrome/120.0.1": the digits after the token, if there are one to four of them. */
    private static String version(String header, String token) {
        int start = header.indexOf(token) + token.length();
        int end = start;
        while (end < header.length()
                && end - start <= MAX_VERSION_DIGITS
                && header.charAt(end) >= '0'
                && header.charAt(end) <= '9') {
            end++;
        }
        int digits = end - start;
        return digits == 0 || digits > MAX_VERSION_DIGITS ? "" : " " + Integer.parseInt(header, start, end, 10);
    }

    private record Name(String name, String... tokens) {

        /** The first of the tokens that the header contains, or {@code null}. */
        String foundIn(String header) {
            for (String token : tokens) {
                if (header.contains(token)) {
                    return token;
                }
            }
            return null;
        }
    }
}
