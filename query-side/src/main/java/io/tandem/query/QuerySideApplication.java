package io.tandem.query;

import io.tandem.support.TandemServiceSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Tandem's query side: read models, REST queries, live push over STOMP, the web dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TandemServiceSupport.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
