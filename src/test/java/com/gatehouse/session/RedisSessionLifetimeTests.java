package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/**
 * {@link SessionLifetimeTests} with the sessions in Redis: the idle and absolute limits are judged
 * by the service's clock, whatever time Redis itself keeps.
 */
@RedisSessions
class RedisSessionLifetimeTests extends SessionLifetimeTests {

}
