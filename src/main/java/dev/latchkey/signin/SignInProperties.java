package dev.latchkey.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in tuning ({@code latchkey.signin.*}).
 *
 * @param pendingTimeout how long a login may sit between the password and the second factor
 * @param accountFreeFailures wrong passwords for one username before delays start
 * @param addressFreeFailures wrong passwords from one IP address before delays start
 * @param absoluteTimeout the longest a session lives, however active (the idle timeout is
 *     {@code spring.session.timeout})
 */
@ConfigurationProperties("latchkey.signin")
record SignInProperties(
        Duration pendingTimeout, Integer accountFreeFailures, Integer addressFreeFailures, Duration absoluteTimeout) {

    SignInProperties {
        pendingTimeout = pendingTimeout == null ? Duration.ofMinutes(15) : pendingTimeout;
        accountFreeFailures = accountFreeFailures == null ? 5 : accountFreeFailures;
        addressFreeFailures = addressFreeFailures == null ? 20 : addressFreeFailures;
        absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
    }
}
