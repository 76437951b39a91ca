package dev.latchkey.shared;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What running Latchkey as a service needs besides its features: the start-up check of the settings. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    static BeanFactoryPostProcessor productionSettings(Environment environment) {
        return new ProductionSettings(environment);
    }
}
