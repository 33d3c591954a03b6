package io.tandem.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the idempotency filter on the API, right after Spring Security has authenticated the request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfig {

    /** Prepares each idempotent command's answer before its append (see {@link PreparedAnswers}). */
    @Bean
    PreparedAnswers preparedAnswers(IdempotencyStore store, ObjectMapper mapper, CommandBus commandBus,
            EventBus eventBus) {
        PreparedAnswers answers = new PreparedAnswers(store, mapper);
        commandBus.registerHandlerInterceptor(answers.answerKeeper());
        eventBus.registerDispatchInterceptor(answers.answerPreparer());
        return answers;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper mapper) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, mapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
