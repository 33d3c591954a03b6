package io.tandem.system.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tandem.system.deploy.ComposeFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the production deployment, checked without Docker (the build machine has none): its services,
 * images, ports, health checks and secrets against the README, the Dockerfiles, the gateway and the applications.
 */
class ComposeFileTest {

    private static final List<String> SERVICE_MODULES = List.of("command-side", "query-side");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9._-]+):(\\d+)(.*);");

    private final ComposeFile compose = ComposeFile.read();
    private final String nginx = Repository.read("deploy/nginx/nginx.conf");

    @Test
    void runsExactlyTheServicesTheReadmeNames() {
        Set<String> named = new TreeSet<>();
        Readme.read().table(Readme.PRODUCTION, "service").forEach(row -> named.addAll(Readme.code(row.get(0))));
        assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void buildsEachServiceFromItsModulesMultiStageDockerfileRunningAsNonRoot() {
        assertThat(compose.services().keySet().stream().flatMap(name -> compose.builtModule(name).stream()))
                .containsExactlyInAnyOrderElementsOf(SERVICE_MODULES);
        for (String module : SERVICE_MODULES) {
            assertThat(map(compose.service(module).get("build"))).containsEntry("context", ".")
                                                                 .containsEntry("dockerfile", module + "/Dockerfile");
            String[] stages = Repository.read(module + "/Dockerfile").split("(?m)^FROM ");
            assertThat(stages).as(module + " Dockerfile: text before the first stage, then two stages").hasSize(3);
            assertThat(stages[1]).contains("-pl " + module + " -am");
            String runtime = stages[2];
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
            assertThat(user.find()).as(module + " runtime stage sets a USER").isTrue();
            assertThat(user.group(1)).isNotIn("root", "0", "0:0");
            assertThat(runtime).contains("-XX:MaxRAMPercentage=", "-XX:MaxGCPauseMillis=20",
                                         "-Daxoniq.update-checker.disabled=true")
                               .containsPattern("HEALTHCHECK[\\s\\S]*/actuator/health/readiness");
        }
    }

    @Test
    void exposesTheApplicationsServerPortsAndTheGatewayProxiesToThem() {
        for (String module : SERVICE_MODULES) {
            String port = String.valueOf(serverPort(module));
            assertThat(compose.list(module, "expose")).containsExactly(port);
            assertThat(Repository.read(module + "/Dockerfile"))
                    .containsPattern("(?m)^EXPOSE " + port + "$")
                    .contains("${SERVER_PORT:-" + port + "}/actuator/health/readiness");
            assertThat(upstreamServers()).containsKey(module + ":" + port);
        }
        assertThat(upstreamServers().keySet())
                .allSatisfy(server -> assertThat(compose.services()).containsKey(server.split(":")[0]));
    }

    @Test
    void runsAtLeastTwoQuerySideReplicasThatTheGatewayFindsByName() {
        Object replicas = map(compose.service("query-side").get("deploy")).get("replicas");
        assertThat((Integer) replicas).isGreaterThanOrEqualTo(2);
        upstreamServers().forEach((server, parameters) -> assertThat(parameters)
                .as("upstream " + server + " re-resolved as replicas come and go").contains("resolve"));
        assertThat(nginx).containsPattern("resolver 127\\.0\\.0\\.11\\b");
    }

    @Test
    void gatewayPublishesAPortForBrowsers() {
        assertThat(compose.list("gateway", "volumes")).contains("./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
        Matcher listen = Pattern.compile("listen (\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat(compose.list("gateway", "ports")).singleElement().asString().endsWith(":" + listen.group(1));
    }

    @Test
    void storeIsAReplicaSetOfThreeWrittenWithMajorityAndReadFromThePrimary() {
        Map<String, String> members = new TreeMap<>();
        for (String service : compose.services().keySet()) {
            List<String> command = compose.list(service, "command");
            if (command.contains("--replSet")) {
                members.put(service + ":27017", command.get(command.indexOf("--replSet") + 1));
                assertThat(compose.list(service, "volumes")).as(service + " keeps its data").isNotEmpty();
            }
        }
        assertThat(members).hasSize(3);
        String replicaSet = members.values().iterator().next();
        assertThat(members.values()).containsOnly(replicaSet);

        String initiation = String.join(" ", compose.healthcheck("mongo1"));
        assertThat(initiation).contains("rs.initiate", "_id: '" + replicaSet + "'");
        List<String> initiated = new ArrayList<>();
        Matcher host = Pattern.compile("host:\\s*'([^']+)'").matcher(initiation);
        while (host.find()) {
            initiated.add(host.group(1));
        }
        assertThat(initiated).containsExactlyInAnyOrderElementsOf(members.keySet());

        for (String module : SERVICE_MODULES) {
            Map<String, String> environment = compose.environment(module);
            assertThat(environment).containsEntry("TANDEM_STORE_EMBEDDED_ENABLED", "false")
                                   .containsEntry("TANDEM_STORE_TRANSACTIONS", "ALWAYS");
            String uri = environment.get("TANDEM_STORE_URI");
            Matcher parts = Pattern.compile("mongodb://([^/]+)/\\?(.+)").matcher(uri);
            assertThat(parts.matches()).as(uri).isTrue();
            assertThat(parts.group(1).split(",")).containsExactlyInAnyOrderElementsOf(members.keySet());
            assertThat(parts.group(2).split("&"))
                    .contains("replicaSet=" + replicaSet, "w=majority", "readPreference=primary");
        }
    }

    @Test
    void servicesWaitUntilWhatTheyNeedIsHealthy() {
        for (String module : SERVICE_MODULES) {
            assertThat(compose.dependencies(module)).containsEntry("mongo1", "service_healthy");
        }
        assertThat(compose.dependencies("query-side"))
                .containsEntry(compose.environment("query-side").get("TANDEM_LIVE_RELAY_HOST"), "service_healthy");
        assertThat(compose.dependencies("gateway")).containsEntry("command-side", "service_healthy")
                                                   .containsEntry("query-side", "service_healthy");
        for (String service : compose.services().keySet()) {
            compose.dependencies(service).forEach((dependency, condition) -> {
                if (condition.equals("service_healthy")) {
                    assertThat(hasHealthcheck(dependency))
                            .as(service + " waits for " + dependency + " to be healthy: it needs a health check")
                            .isTrue();
                }
            });
        }
    }

    @Test
    void writesNoSecretIntoTheComposeFileOrTheImages() {
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                if (name.matches(".*(PASS|SECRET|TOKEN|CREDENTIAL).*")) {
                    assertThat(ComposeFile.isRequiredInterpolation(value))
                            .as(service + " " + name + " is a required variable, never a value: " + value).isTrue();
                }
            });
        }
        assertThat(compose.text).doesNotContainPattern("\\{(bcrypt|noop|pbkdf2|argon2|scrypt)}");
        assertThat(Repository.read(".dockerignore").lines()).contains(".env", "tandem.env", "**/target");
    }

    private boolean hasHealthcheck(String service) {
        return !compose.healthcheck(service).isEmpty() || compose.builtModule(service).map(
                module -> Repository.read(module + "/Dockerfile").contains("\nHEALTHCHECK ")).orElse(false);
    }

    /** The gateway's upstream servers ({@code host:port}) with the parameters after them. */
    private Map<String, String> upstreamServers() {
        Map<String, String> servers = new TreeMap<>();
        Matcher server = UPSTREAM_SERVER.matcher(nginx);
        while (server.find()) {
            servers.put(server.group(1) + ":" + server.group(2), server.group(3));
        }
        return servers;
    }

    /** The port the module's application.yml sets, unless docker-compose.yml sets SERVER_PORT. */
    private int serverPort(String module) {
        String override = compose.environment(module).get("SERVER_PORT");
        if (override != null) {
            return Integer.parseInt(override);
        }
        Object first = new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Repository.read(module + "/src/main/resources/application.yml")).iterator().next();
        return (Integer) map(map(first).get("server")).get("port");
    }
}
