package io.tandem.support;

import io.tandem.support.security.SecurityConfig;
import io.tandem.support.store.StoreConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every Tandem service imports: the event store on MongoDB ({@code tandem.store.*}) and authentication
 * ({@code tandem.security.*}).
 */
@Configuration(proxyBeanMethods = false)
@Import({StoreConfiguration.class, SecurityConfig.class})
public class TandemServiceSupport {
}
