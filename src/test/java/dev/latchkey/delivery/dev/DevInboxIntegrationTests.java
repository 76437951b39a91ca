package dev.latchkey.delivery.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.IntegrationTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-OPS-1: the dev inbox shows codes, so it answers only to a client on this machine, even in the demo. */
@IntegrationTest
class DevInboxIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void answersLoopbackClients() throws Exception {
        assertThat(status("127.0.0.1")).isEqualTo(200);
        assertThat(status("[::1]")).isEqualTo(200);
    }

    @Test
    void isNotFoundForAClientOnAnotherAddress() throws Exception {
        Optional<InetAddress> own = ownNonLoopbackAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address");
        assertThat(status(own.get().getHostAddress())).isEqualTo(404);
        assertThat(status("127.0.0.1")).as("still there for this machine").isEqualTo(200);
    }

    @Test
    void theLoopbackRuleItself() {
        assertThat(DevInboxController.fromLoopback("127.0.0.1")).isTrue();
        assertThat(DevInboxController.fromLoopback("127.3.4.5")).isTrue();
        assertThat(DevInboxController.fromLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DevInboxController.fromLoopback("::1")).isTrue();
        assertThat(DevInboxController.fromLoopback("10.0.0.1")).isFalse();
        assertThat(DevInboxController.fromLoopback("::ffff:10.0.0.1")).isFalse();
        assertThat(DevInboxController.fromLoopback("2001:db8::1")).isFalse();
        assertThat(DevInboxController.fromLoopback("not an address")).isFalse();
        assertThat(DevInboxController.fromLoopback(null)).isFalse();
        assertThat(DevInboxController.fromLoopback("0.0.0.0")).isFalse();
        assertThat(DevInboxController.fromLoopback("::ffff:0.0.0.0")).isFalse();
    }

    private int status(String host) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/dev/inbox"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
