package io.tandem.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The decision-log export ({@code tandem.audit.export.*}).
 *
 * @param timeout how long one export may stream; replaces the servlet container's asynchronous request timeout
 *                (30 seconds on Tomcat), which would cut a large export off
 */
@ConfigurationProperties("tandem.audit.export")
record AuditExportProperties(@DefaultValue("1h") Duration timeout) {
}
