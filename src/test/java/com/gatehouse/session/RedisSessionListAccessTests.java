package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link SessionListAccessTests} with the sessions in Redis. */
@RedisSessions
class RedisSessionListAccessTests extends SessionListAccessTests {

}
