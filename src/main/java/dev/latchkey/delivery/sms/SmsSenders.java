package dev.latchkey.delivery.sms;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.MessageSent;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The sender in force, per the settings: Twilio, the demo's dev inbox, or none. */
@Component
public class SmsSenders implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSenders.class);

    private final SmsSettings settings;
    private final TwilioSmsSender twilio;
    private final SmsFailures failures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SmsSenders(
            SmsSettings settings,
            TwilioSmsSender twilio,
            SmsFailures failures,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.twilio = twilio;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
    }

    /**
     * F-ADMIN-4 "Send test SMS": sends at once, outside the outbox, so the admin sees the provider's answer. It appears
     * in the dev inbox like any message sent.
     */
    public SmsResult sendTest(String to, String body) {
        SmsResult result = send(to, body);
        if (result.accepted()) {
            events.publishEvent(new MessageSent(Channel.SMS, to, "Test SMS", body, clock.instant()));
        }
        return result;
    }

    @Override
    public SmsResult send(String to, String body) {
        SmsResult result = sendWithProvider(to, body);
        record(result);
        return result;
    }

    private SmsResult sendWithProvider(String to, String body) {
        return switch (settings.provider()) {
            case TWILIO -> twilio.send(to, body);
            case DEV_INBOX -> {
                // the outbox publishes MessageSent, which puts the message in the dev inbox
                log.info(
                        "Dev SMS sender: message to …{} delivered to the dev inbox, not to a phone",
                        to.length() > 4 ? to.substring(to.length() - 4) : "");
                yield SmsResult.ok("Delivered to the dev inbox (demo run): no real SMS was sent");
            }
            case NONE -> SmsResult.failed(false, "SMS is not configured", SmsProblem.NOT_CONFIGURED, null);
        };
    }

    /** Notes the outcome for the System settings page; never turns a sent message into a failure, whatever happens. */
    private void record(SmsResult result) {
        try {
            if (result.accepted()) {
                failures.delivered();
            } else {
                failures.failed(result.problem() == null ? SmsProblem.OTHER : result.problem(), result.providerCode());
            }
        } catch (RuntimeException ex) {
            log.warn("Could not note the SMS delivery outcome for the settings page: {}", ex.toString());
        }
    }
}
