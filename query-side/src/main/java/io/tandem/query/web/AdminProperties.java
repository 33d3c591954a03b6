package io.tandem.query.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operators of the query side.
 *
 * @param users user ids allowed to use {@code /api/admin} ({@code TANDEM_ADMIN_USERS}); none by default, {@code pm}
 *              in the demo profile
 */
@ConfigurationProperties("tandem.admin")
record AdminProperties(@DefaultValue List<String> users) {
}
