package com.gatehouse.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the features' {@code @Scheduled} housekeeping, such as pruning the audit trail; not in the
 * admin command line's short-lived context (profile {@code admin-cli}), which leaves it to the service.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!admin-cli")
@EnableScheduling
class SchedulingConfig {

}
