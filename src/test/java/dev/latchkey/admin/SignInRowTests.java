package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInRowTests {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "203.0.113.7, 203.0.113.7",
        "::1, ::1",
    })
    void anIpv6AddressIsShownInItsShortForm(String stored, String shown) {
        assertThat(UserPageController.SignInRow.compact(stored)).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void noAddressStaysNone() {
        assertThat(UserPageController.SignInRow.compact(null)).isNull();
    }
}
