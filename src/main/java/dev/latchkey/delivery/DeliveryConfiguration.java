package dev.latchkey.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    MailSender outboxMailSender(ObjectProvider<JavaMailSender> javaMail, DeliveryProperties properties) {
        JavaMailSender sender = javaMail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException(
                    "No SMTP server configured: set spring.mail.host (and spring.mail.port, .username, .password)");
        }
        return new SmtpMailSender(sender, properties.mailFrom());
    }
}
