package dev.latchkey.delivery.dev;

import dev.latchkey.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dev/inbox}: the demo run's inbox of every message sent. It shows codes, so it answers only to a client on
 * this machine (F-OPS-1), even in the demo; anyone else gets 404, as if it did not exist.
 */
@Controller
@ConditionalOnProperty(name = "latchkey.demo", havingValue = "true")
class DevInboxController {

    private static final Logger log = LoggerFactory.getLogger(DevInboxController.class);
    private static final IpAddressMatcher IPV4_LOOPBACK = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher IPV6_LOOPBACK = new IpAddressMatcher("::1/128");

    private final DevInbox inbox;

    DevInboxController(DevInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/dev/inbox")
    String inbox(HttpServletRequest request, Model model) {
        // both ends on this machine: a client elsewhere that forges X-Forwarded-For: 127.0.0.1 (trusted from private
        // ranges under a forward-headers strategy) still reaches the server on a non-loopback address
        if (!fromLoopback(request.getRemoteAddr()) || !fromLoopback(request.getLocalAddr())) {
            log.info("Dev inbox refused to a client that is not on this machine");
            throw new NotFoundException();
        }
        model.addAttribute(
                "messages", inbox.messages().stream().map(InboxEntry::of).toList());
        return "dev/inbox";
    }

    /** The servlet's remote address: the peer, or the client a trusted proxy named (forward-headers strategy). */
    static boolean fromLoopback(String remoteAddress) {
        try {
            return remoteAddress != null
                    && (IPV4_LOOPBACK.matches(remoteAddress) || IPV6_LOOPBACK.matches(remoteAddress));
        } catch (RuntimeException notAnAddress) {
            // not an IP literal; Spring Security's matcher also throws on some it cannot compare (0.0.0.0)
            return false;
        }
    }
}
