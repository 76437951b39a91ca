package dev.latchkey.delivery.dev;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo run's embedded SMTP server (GreenMail on 127.0.0.1) and a {@link JavaMailSender} pointing at it. Exists only
 * with {@code latchkey.demo=true} and no {@code spring.mail.host}; the outbox talks real SMTP to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
        "'${latchkey.demo:false}'.trim().equalsIgnoreCase('true') and '${spring.mail.host:}'.isEmpty()")
class DevMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail devMailServer(@Value("${latchkey.dev-mail.port:0}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info(
                "Dev mail server (GreenMail) listening on 127.0.0.1:{}; messages appear at /dev/inbox",
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSender javaMailSender(GreenMail devMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(devMailServer.getSmtp().getPort());
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
