package io.tandem.command.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo profile ({@code tandem.demo.*}).
 *
 * @param seed whether the demo product is seeded into an empty event store at start-up (env {@code TANDEM_DEMO_SEED})
 */
@ConfigurationProperties("tandem.demo")
record DemoProperties(@DefaultValue("true") boolean seed) {
}
