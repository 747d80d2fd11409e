package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link SessionCapTests} with the sessions in Redis. */
@RedisSessions
class RedisSessionCapTests extends SessionCapTests {

}
