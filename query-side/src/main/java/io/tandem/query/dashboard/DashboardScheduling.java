package io.tandem.query.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link UntriagedFeedbackWatch} once a minute. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DashboardScheduling {
}
