package io.tandem.support;

import io.tandem.support.logging.LoggingConfiguration;
import io.tandem.support.personaldata.PersonalDataConfiguration;
import io.tandem.support.problem.ContainerErrors;
import io.tandem.support.security.SecurityConfig;
import io.tandem.support.store.StoreConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every Tandem service imports: the event store on MongoDB ({@code tandem.store.*}) and authentication
 * ({@code tandem.security.*}), the personal-data vault (customers' contact details, crypto-shredded on
 * erasure), correlation ids in the logs of every request, and problem documents for the errors the servlet container
 * answers itself.
 */
@Configuration(proxyBeanMethods = false)
@Import({StoreConfiguration.class, SecurityConfig.class, PersonalDataConfiguration.class,
        LoggingConfiguration.class, ContainerErrors.class})
public class TandemServiceSupport {
}
