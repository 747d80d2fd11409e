package com.gatehouse.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the features' {@code @Scheduled} housekeeping, such as pruning the audit trail. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
