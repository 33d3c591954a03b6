package io.tandem.support.personaldata;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal-data vault both services use: the command side seals, the query side opens. */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    @Bean
    PersonalDataVault personalDataVault(MongoDatabase tandemDatabase) {
        return new PersonalDataVault(new MongoCustomerKeys(tandemDatabase));
    }
}
