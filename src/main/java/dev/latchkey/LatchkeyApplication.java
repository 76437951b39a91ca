package dev.latchkey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Latchkey: a customer portal with built-in multi-factor sign-in. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LatchkeyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LatchkeyApplication.class, args);
    }
}
