package dev.latchkey.bench;

import dev.latchkey.LatchkeyApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application on an in-memory H2, no web server, for the JMH benchmarks' state. */
public final class BenchApplication {

    private BenchApplication() {}

    public static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(LatchkeyApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64", // as the shipped default URL
                        "latchkey.demo=true",
                        "management.server.port=0",
                        "latchkey.encryption-key=bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "latchkey.mfa.codes.resend-interval=PT0S",
                        "latchkey.mfa.codes.max-sends=2000000000",
                        "logging.level.root=warn")
                .run();
    }
}
