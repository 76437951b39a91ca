package dev.latchkey.mfa.code;

import java.util.Optional;
import java.util.regex.Pattern;
import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.CodeSent;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The SMS one-time code (seed 002): available only when the user has a valid phone number and SMS is configured
 * system-wide; whether the site allows it is the registry's filter. Same code rules as email.
 */
@Component
class SmsCodeFactor implements Factor {

    private static final String CHANNEL = "sms";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final OneTimeCodes codes;
    private final CodeMessages messages;
    private final Outbox outbox;
    private final SmsSettings sms;
    private final ApplicationEventPublisher events;

    SmsCodeFactor(OneTimeCodes codes, CodeMessages messages, Outbox outbox, SmsSettings sms,
            ApplicationEventPublisher events) {
        this.codes = codes;
        this.messages = messages;
        this.outbox = outbox;
        this.sms = sms;
        this.events = events;
    }

    @Override
    public FactorType type() {
        return FactorType.SMS;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return subject.phone() != null && E164.matcher(subject.phone()).matches() && sms.configured();
    }

    @Override
    public boolean sendsCode() {
        return true;
    }

    @Override
    public SendResult send(FactorSubject subject) {
        SendResult result = codes.send(subject, CHANNEL, (code, expiresAt) -> new OutgoingMessage(
                Channel.SMS, subject.phone(), "SMS", messages.smsBody(subject, code, expiresAt), null, null, null));
        if (result.sent()) {
            events.publishEvent(new CodeSent(subject.realm().key(), subject.userId(), subject.email(), FactorType.SMS));
        }
        return result;
    }

    @Override
    public Optional<CodeChallenge> challenge(FactorSubject subject) {
        return codes.current(subject, CHANNEL)
                .map(code -> code.withDelivery(outbox.statusOf(OneTimeCodes.reference(code.id()))));
    }

    @Override
    public Verification verify(FactorSubject subject, String answer) {
        return codes.verify(subject, CHANNEL, answer);
    }

    /** {@code +31 •••• 4567}: enough to recognise the phone, not enough to learn the number. */
    @Override
    public String maskedDestination(FactorSubject subject) {
        String phone = subject.phone();
        int country = phone.length() > 11 ? 3 : 2;
        return phone.substring(0, country) + " •••• " + phone.substring(phone.length() - 4);
    }
}
