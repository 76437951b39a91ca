package dev.latchkey.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses as people read them, the IPv6 loopback as {@code ::1}; a malformed one never breaks a page. */
class ClientInfoTests {

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
        assertThat(ClientInfo.address(stored)).isEqualTo(shown);
        assertThat(new ClientInfo(stored, "").ip()).isEqualTo(shown);
    }

    /** A forwarded-for header may carry anything that looks like an address; it is kept as it came. */
    @ParameterizedTest
    @ValueSource(strings = {"12345::1", "1:2:3:4:5:6:7:8:9", "::::::::::", "1::2::3", "fffff::", ":"})
    void aMalformedAddressIsKeptAsItCame(String malformed) {
        assertThat(ClientInfo.address(malformed)).isNotNull();
    }

    @Test
    void noAddressStaysNone() {
        assertThat(ClientInfo.address(null)).isNull();
    }
}
