package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link UserSessionsEnderTests} with the sessions in Redis. */
@RedisSessions
class RedisUserSessionsEnderTests extends UserSessionsEnderTests {

}
