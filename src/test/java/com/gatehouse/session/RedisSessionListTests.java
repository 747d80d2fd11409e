package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link SessionListTests} with the sessions in Redis. */
@RedisSessions
class RedisSessionListTests extends SessionListTests {

}
