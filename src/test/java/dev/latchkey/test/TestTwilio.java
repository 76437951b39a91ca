package dev.latchkey.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A local HTTP test double of Twilio's API (WireMock on a free port), shared by every test of the JVM. The application
 * under test sends its Twilio SDK calls here through {@code latchkey.sms.twilio.api-base-url}.
 */
public final class TestTwilio {

    private static WireMockServer server;

    private TestTwilio() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(
                    WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }
}
