package dev.latchkey.mfa.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.sites.Realm;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * F-LOGIN-3: SMS is offered for a phone on file only when it is a valid E.164 number, by the rule of {@code phones}.
 */
class SmsCodeFactorTests {

    private final SmsSettings sms = mock(SmsSettings.class);
    private final SmsCodeFactor factor = new SmsCodeFactor(null, null, null, sms, null, new PhoneNumbers());

    @ParameterizedTest
    @ValueSource(strings = {"+31201234567", "+31612345678", "+16502530000", "+14155550134"})
    void aValidPhoneGetsSmsWhenSmsIsConfigured(String phone) {
        when(sms.configured()).thenReturn(true);
        assertThat(factor.availableFor(subject(phone))).isTrue();

        when(sms.configured()).thenReturn(false);
        assertThat(factor.availableFor(subject(phone))).isFalse();
    }

    /**
     * These have the E.164 shape with at least seven digits, which was enough before, but are no phone number: too
     * short for their country, a country code that does not exist, or a number range no country uses.
     */
    @ParameterizedTest
    @ValueSource(strings = {"+1234567", "+1415555013", "+15555550100", "+999123456789", "+3120123456", "+312012345678"})
    void aPhoneThatIsNoValidNumberGetsNoSms(String phone) {
        when(sms.configured()).thenReturn(true);
        assertThat(factor.availableFor(subject(phone))).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "+12", "+123456", "+31 20 123 4567", "020 123 4567", "+310201234567"})
    void noPhoneOrOneNotInE164GetsNoSms(String phone) {
        when(sms.configured()).thenReturn(true);
        assertThat(factor.availableFor(subject(phone))).isFalse();
    }

    private static FactorSubject subject(String phone) {
        return new FactorSubject(
                1,
                "Alice",
                "alice@acme.test",
                true,
                phone,
                Realm.ADMIN,
                "login",
                Duration.ofMinutes(5),
                Locale.ENGLISH);
    }
}
