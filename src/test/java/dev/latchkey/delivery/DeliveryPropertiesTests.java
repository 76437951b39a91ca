package dev.latchkey.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTests {

    @Test
    void backoffDoublesFromTheFirstRetryAndIsCapped() {
        DeliveryProperties properties =
                new DeliveryProperties(null, Duration.ofSeconds(5), Duration.ofMinutes(1), 0, null, null);
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void defaultsAreSensible() {
        DeliveryProperties properties = new DeliveryProperties(null, null, null, 0, null, null);
        assertThat(properties.maxAttempts()).isEqualTo(8);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.mailFrom()).contains("@");
    }
}
