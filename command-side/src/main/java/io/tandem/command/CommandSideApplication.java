package io.tandem.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import io.tandem.support.TandemServiceSupport;

/** Tandem's command side: REST commands, decision rights, aggregates, event appends. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TandemServiceSupport.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
