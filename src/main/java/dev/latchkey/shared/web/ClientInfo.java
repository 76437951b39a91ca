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
     * The network a client address stands for when requests are counted: an IPv4 address itself, an IPv6 address by its
     * /64, the block one host or one customer line usually gets, so rotating through it buys no fresh allowance.
     */
    public static String networkKey(String ip) {
        if (ip != null && ip.indexOf(':') >= 0) {
            try {
                byte[] bytes = java.net.InetAddress.getByName(ip).getAddress();
                if (bytes.length == 16) {
                    return "ip6:" + java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (java.net.UnknownHostException notALiteral) {
                // not an address literal: counted as typed
            }
        }
        return "ip:" + ip;
    }

    /**
     * An address as people read it: IPv6 in its short RFC 5952 form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}), done by
     * the servlet container's own canonicaliser. Anything that is not an IPv6 literal is returned unchanged.
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
