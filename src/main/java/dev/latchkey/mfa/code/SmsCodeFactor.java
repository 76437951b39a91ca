package dev.latchkey.mfa.code;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.phones.PhoneNumbers;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The SMS one-time code (F-LOGIN-3): available only when the user has a valid phone number ({@code phones}' one E.164
 * rule) and SMS is configured system-wide; whether the site allows it is the registry's filter. Same code rules as
 * email.
 */
@Component
class SmsCodeFactor extends CodeFactor {

    private final CodeMessages messages;
    private final SmsSettings sms;
    private final PhoneNumbers phones;

    SmsCodeFactor(
            OneTimeCodes codes,
            CodeMessages messages,
            Outbox outbox,
            SmsSettings sms,
            ApplicationEventPublisher events,
            PhoneNumbers phones) {
        super(codes, outbox, events);
        this.messages = messages;
        this.sms = sms;
        this.phones = phones;
    }

    @Override
    public FactorType type() {
        return FactorType.SMS;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return phones.isValidE164(subject.phone()) && sms.configured();
    }

    @Override
    OutgoingMessage message(FactorSubject subject, String code, Instant expiresAt) {
        return new OutgoingMessage(
                Channel.SMS, subject.phone(), "SMS", messages.smsBody(subject, code, expiresAt), null, null, null);
    }

    /** {@code +31 •••• 4567}: enough to recognise the phone, not enough to learn the number. */
    @Override
    public String maskedDestination(FactorSubject subject) {
        String phone = subject.phone();
        int country = phone.length() > 11 ? 3 : 2;
        return phone.substring(0, country) + " •••• " + phone.substring(phone.length() - 4);
    }
}
