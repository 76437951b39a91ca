package dev.latchkey.shared;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment-wide settings of the configuration contract that no single module owns.
 *
 * @param baseUrl public address of this deployment, used in links and the WebOTP line
 * @param demo whether demo data and the dev inbox exist; never on in production
 */
@ConfigurationProperties("latchkey")
public record LatchkeyProperties(URI baseUrl, boolean demo) {

    public LatchkeyProperties {
        if (baseUrl == null) {
            baseUrl = URI.create("http://localhost:8080");
        }
    }

    /** The host name of {@link #baseUrl()}, as the WebOTP line wants it. */
    public String host() {
        return baseUrl.getHost();
    }
}
