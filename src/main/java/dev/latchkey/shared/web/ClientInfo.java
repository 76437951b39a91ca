package dev.latchkey.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, for audit events and notifications. Bounded so a header cannot flood the log. */
public record ClientInfo(String ip, String userAgent) {

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new ClientInfo(request.getRemoteAddr(), agent == null ? "" : truncate(agent, 300));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
