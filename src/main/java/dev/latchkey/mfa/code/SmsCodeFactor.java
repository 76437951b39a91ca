package dev.latchkey.mfa.code;

import java.time.Instant;
import java.util.regex.Pattern;
import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The SMS one-time code (seed 002): available only when the user has a valid phone number and SMS is configured
 * system-wide; whether the site allows it is the registry's filter. Same code rules as email.
 */
@Component
class SmsCodeFactor extends CodeFactor {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final CodeMessages messages;
    private final SmsSettings sms;

    SmsCodeFactor(OneTimeCodes codes, CodeMessages messages, Outbox outbox, SmsSettings sms,
            ApplicationEventPublisher events) {
        super(codes, outbox, events);
        this.messages = messages;
        this.sms = sms;
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
    OutgoingMessage message(FactorSubject subject, String code, Instant expiresAt) {
        return new OutgoingMessage(Channel.SMS, subject.phone(), "SMS", messages.smsBody(subject, code, expiresAt),
                null, null, null);
    }

    /** {@code +31 •••• 4567}: enough to recognise the phone, not enough to learn the number. */
    @Override
    public String maskedDestination(FactorSubject subject) {
        String phone = subject.phone();
        int country = phone.length() > 11 ? 3 : 2;
        return phone.substring(0, country) + " •••• " + phone.substring(phone.length() - 4);
    }
}
