package dev.latchkey.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in tuning ({@code latchkey.signin.*}).
 *
 * @param pendingTimeout how long a login may sit between the password and the second factor
 */
@ConfigurationProperties("latchkey.signin")
record SignInProperties(Duration pendingTimeout) {

    SignInProperties {
        pendingTimeout = pendingTimeout == null ? Duration.ofMinutes(15) : pendingTimeout;
    }
}
