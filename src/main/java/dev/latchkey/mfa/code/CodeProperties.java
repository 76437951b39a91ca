package dev.latchkey.mfa.code;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of F-CODE-2/3 ({@code latchkey.mfa.codes.*}).
 *
 * @param maxAttempts wrong tries after which a code dies
 * @param resendInterval minimum time between two sends to one user
 * @param maxSends sends allowed per user within {@code sendWindow}
 * @param sendWindow the window of {@code maxSends}
 */
@ConfigurationProperties("latchkey.mfa.codes")
record CodeProperties(int maxAttempts, Duration resendInterval, int maxSends, Duration sendWindow) {

    CodeProperties {
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        resendInterval = resendInterval == null ? Duration.ofSeconds(30) : resendInterval;
        maxSends = maxSends <= 0 ? 5 : maxSends;
        sendWindow = sendWindow == null ? Duration.ofMinutes(15) : sendWindow;
    }
}
