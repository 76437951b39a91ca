package dev.latchkey.delivery.dev;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dev/inbox}: the demo run's inbox of every message sent. */
@Controller
@ConditionalOnProperty(name = "latchkey.demo", havingValue = "true")
class DevInboxController {

    private final DevInbox inbox;

    DevInboxController(DevInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/dev/inbox")
    String inbox(Model model) {
        model.addAttribute("messages", inbox.messages());
        return "dev/inbox";
    }
}
