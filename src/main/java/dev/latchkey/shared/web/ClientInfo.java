package dev.latchkey.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.net.IPv6Utils;

/** Where a request came from, for audit events and notifications. Bounded so a header cannot flood the log. */
public record ClientInfo(String ip, String userAgent) {

    public ClientInfo {
        ip = address(ip);
    }

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new ClientInfo(request.getRemoteAddr(), agent == null ? "" : truncate(agent, 300));
    }

    /**
     * An address as people read it: IPv6 in its short RFC 5952 form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}), done
     * by the servlet container's own canonicaliser. Anything that is not an IPv6 literal is returned unchanged.
     */
    public static String address(String ip) {
        if (ip == null || ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            return IPv6Utils.canonize(ip);
        } catch (RuntimeException notAnAddress) {
            // the canonicaliser trusts its input; a malformed forwarded address is kept as it came
            return ip;
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
