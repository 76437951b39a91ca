package dev.latchkey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Latchkey: a customer portal with built-in multi-factor sign-in. */
// Latchkey has its own sign-in: no generated default user (whose password Boot would log)
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class LatchkeyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LatchkeyApplication.class, args);
    }
}
