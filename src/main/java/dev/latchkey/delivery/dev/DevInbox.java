package dev.latchkey.delivery.dev;

import dev.latchkey.delivery.MessageSent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every email and SMS this node sent, newest first, so the demo works without a mailbox. Kept in memory (the newest
 * 500): the demo run is a single node. Exists only with {@code latchkey.demo=true}.
 */
@Component
@ConditionalOnProperty(name = "latchkey.demo", havingValue = "true")
class DevInbox {

    private static final int CAPACITY = 500;

    private final Deque<MessageSent> messages = new ArrayDeque<>();

    @EventListener
    synchronized void onSent(MessageSent message) {
        messages.addFirst(message);
        if (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }

    public synchronized List<MessageSent> messages() {
        return List.copyOf(messages);
    }
}
