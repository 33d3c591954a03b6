package io.tandem.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings docker-compose.yml passes: each application setting is in the README's configuration table and binds
 * to a property its service knows; the operator's own settings are the ones the README's production section lists.
 */
class ComposeSettingsTest {

    private static final List<String> SERVICE_MODULES = List.of("command-side", "query-side");
    private static final String APPLICATION_SETTING = "(TANDEM|SPRING|SERVER|LOGGING)_.*";

    private static KnownProperties known;

    private final ComposeFile compose = ComposeFile.read();
    private final Readme readme = Readme.read();

    @BeforeAll
    static void loadKnownProperties() throws IOException {
        known = KnownProperties.load();
    }

    @Test
    void everyApplicationSettingIsInTheReadmeConfigurationTableAndBindsToAPropertyOfItsService() {
        Map<String, String> documented = readme.configurationVariables();
        for (String module : SERVICE_MODULES) {
            List<String> settings = compose.environment(module).keySet().stream()
                                           .filter(name -> name.matches(APPLICATION_SETTING)).toList();
            assertThat(settings).as(module + " settings").isNotEmpty();
            for (String name : settings) {
                assertThat(documented).as("README configuration table lists " + name).containsKey(name);
                String property = documented.get(name);
                assertThat(KnownProperties.environmentNames(property)).as(name + " binds to " + property)
                                                                      .contains(name);
                assertThat(known.isKnownTo(module, property)).as(module + " knows " + property).isTrue();
            }
        }
    }

    @Test
    void propertyCheckRefusesWhatAServiceDoesNotBind() {
        assertThat(known.isKnownTo("query-side", "tandem.live.allowed-origins")).isTrue();
        assertThat(known.isKnownTo("query-side", "tandem.security.users[i].password")).isTrue();
        assertThat(known.isKnownTo("query-side", "logging.structured.format.console")).isTrue();
        assertThat(known.isKnownTo("command-side", "tandem.live.allowed-origins")).isFalse();
        assertThat(known.isKnownTo("query-side", "tandem.live.allowed-origin")).isFalse();
        assertThat(known.isKnownTo("query-side", "tandem.nothing.here")).isFalse();
        assertThat(known.isKnownTo("query-side", "logging.structured.format.consol")).isFalse();
        assertThat(KnownProperties.environmentNames("tandem.store.gap-timeout"))
                .containsExactlyInAnyOrder("TANDEM_STORE_GAPTIMEOUT", "TANDEM_STORE_GAP_TIMEOUT");
    }

    @Test
    void operatorSettingsAreTheOnesTheReadmeListsAndEnvExampleCarries() {
        Map<String, Boolean> listed = new TreeMap<>();
        for (List<String> row : readme.table(Readme.PRODUCTION, "variable")) {
            Readme.code(row.get(0)).forEach(name -> listed.put(name, row.get(1).equalsIgnoreCase("yes")));
        }
        Map<String, Set<String>> interpolated = compose.interpolatedVariables();
        assertThat(interpolated.keySet()).containsExactlyInAnyOrderElementsOf(listed.keySet());
        listed.forEach((name, required) -> assertThat(interpolated.get(name))
                .as(name + (required ? " is required everywhere (${" + name + ":?...})"
                                     : " has a default everywhere (${" + name + ":-...})"))
                .containsExactly(required ? ":?" : ":-"));

        Map<String, String> example = Repository.read(".env.example").lines()
                .filter(line -> line.matches("[A-Z_][A-Z0-9_]*=.*"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                                          line -> line.substring(line.indexOf('=') + 1)));
        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(listed.keySet());
        example.forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|HASH|SECRET).*")) {
                assertThat(value).as(".env.example ships no value for " + name).isEmpty();
            }
        });
    }

    @Test
    void liveRelayGoesThroughRabbitMqStompWithTheBrokersOwnUser() {
        Map<String, String> querySide = compose.environment("query-side");
        assertThat(querySide).containsEntry("TANDEM_LIVE_RELAY_ENABLED", "true")
                             .containsEntry("TANDEM_LIVE_RELAY_PORT", "61613");
        String broker = querySide.get("TANDEM_LIVE_RELAY_HOST");
        assertThat(String.valueOf(compose.service(broker).get("image"))).startsWith("rabbitmq:");
        Map<String, String> brokerUser = compose.environment(broker);
        assertThat(querySide.get("TANDEM_LIVE_RELAY_LOGIN")).isEqualTo(brokerUser.get("RABBITMQ_DEFAULT_USER"));
        assertThat(querySide.get("TANDEM_LIVE_RELAY_PASSCODE")).isEqualTo(brokerUser.get("RABBITMQ_DEFAULT_PASS"));
        assertThat(compose.list(broker, "volumes"))
                .contains("./deploy/rabbitmq/enabled_plugins:/etc/rabbitmq/enabled_plugins:ro");
        assertThat(Repository.read("deploy/rabbitmq/enabled_plugins")).contains("rabbitmq_stomp");
        assertThat(querySide.get("TANDEM_LIVE_ALLOWEDORIGINS")).doesNotContain("*");
    }
}
