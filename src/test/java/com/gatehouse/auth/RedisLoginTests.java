package com.gatehouse.auth;

import com.gatehouse.RedisSessions;

/** {@link LoginTests} with the sessions in Redis. */
@RedisSessions
class RedisLoginTests extends LoginTests {

}
