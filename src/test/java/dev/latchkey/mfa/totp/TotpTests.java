package dev.latchkey.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_KEY =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void rfc6238AppendixB(long time, String sha1, String sha256, String sha512) {
        long step = Totp.stepAt(Instant.ofEpochSecond(time));
        assertThat(new Totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1, 8).codeAt(SHA1_KEY, step))
                .isEqualTo(sha1);
        assertThat(new Totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256, 8).codeAt(SHA256_KEY, step))
                .isEqualTo(sha256);
        assertThat(new Totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512, 8).codeAt(SHA512_KEY, step))
                .isEqualTo(sha512);
    }

    /** RFC 4226 Appendix D: HOTP is TOTP with the counter as the time step. */
    @ParameterizedTest
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void rfc4226AppendixD(long counter, String hotp) {
        assertThat(Totp.standard().codeAt(SHA1_KEY, counter)).isEqualTo(hotp);
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNoMore() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Totp.stepAt(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step + offset), now, null))
                    .hasValue(step + offset);
        }
        assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step - 2), now, null))
                .isEmpty();
        assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step + 2), now, null))
                .isEmpty();
    }

    @Test
    void neverAcceptsTheLastUsedStepOrAnEarlierOne() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Totp.stepAt(now);
        assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step), now, step))
                .isEmpty();
        assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step - 1), now, step))
                .isEmpty();
        assertThat(totp.matchingStep(SHA1_KEY, totp.codeAt(SHA1_KEY, step + 1), now, step))
                .hasValue(step + 1);
    }

    @Test
    void otpauthUriNamesIssuerAndAccountAsAuthenticatorAppsExpect() {
        assertThat(Authenticators.otpauthUri("Acme Leasing", "alice@acme.test", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Acme%20Leasing:alice%40acme.test?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Acme%20Leasing&algorithm=SHA1&digits=6&period=30");
    }
}
