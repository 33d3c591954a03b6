package io.tandem.query.readmodel;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-model rebuilds.
 *
 * @param onStart     processors to rebuild once this node has started ({@code --tandem.rebuild.on-start=dashboard},
 *                    {@code TANDEM_REBUILD_ONSTART}); none by default
 * @param logInterval how often a running rebuild logs its progress
 */
@ConfigurationProperties("tandem.rebuild")
public record RebuildProperties(@DefaultValue List<String> onStart, @DefaultValue("5s") Duration logInterval) {
}
