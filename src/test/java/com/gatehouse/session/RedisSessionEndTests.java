package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link SessionEndTests} with the sessions in Redis. */
@RedisSessions
class RedisSessionEndTests extends SessionEndTests {

}
