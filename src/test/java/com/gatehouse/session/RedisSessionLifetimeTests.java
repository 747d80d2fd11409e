package com.gatehouse.session;

import org.springframework.context.annotation.Import;

import com.gatehouse.RedisSessions;

/**
 * {@link SessionLifetimeTests} with the sessions in Redis: the idle and absolute limits are judged
 * by the service's clock, whatever time Redis itself keeps.
 */
@RedisSessions
@Import(SessionLifetimeTests.MovableTime.class)
class RedisSessionLifetimeTests extends SessionLifetimeTests {

}
