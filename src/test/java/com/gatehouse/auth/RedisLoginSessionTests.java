package com.gatehouse.auth;

import com.gatehouse.RedisSessions;

/** {@link LoginSessionTests} with the sessions in Redis. */
@RedisSessions
class RedisLoginSessionTests extends LoginSessionTests {

}
