package com.gatehouse.auth;

import com.gatehouse.RedisSessions;

/** {@link LoginFailureTests} with the sessions in Redis. */
@RedisSessions
class RedisLoginFailureTests extends LoginFailureTests {

}
