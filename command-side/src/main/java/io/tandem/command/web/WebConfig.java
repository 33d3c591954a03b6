package io.tandem.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the command API: the body size limit (before authentication), enum constants read exactly, and the command
 * context resolver.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandApiProperties.class)
class WebConfig implements WebMvcConfigurer {

    /**
     * Runs before every filter that may read the body (Spring's form content filter, Spring Security, idempotency),
     * so an oversized body is refused before anything else reads it.
     */
    static final int BODY_LIMIT_ORDER = OrderedFormContentFilter.DEFAULT_ORDER - 100;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(CommandApiProperties properties,
            ObjectMapper mapper) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), mapper));
        registration.setOrder(BODY_LIMIT_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Registered with Spring's ObjectMapper, which reads the request bodies. */
    @Bean
    ExactEnumConstants exactEnumConstants() {
        return new ExactEnumConstants();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }
}
