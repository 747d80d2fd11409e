package com.gatehouse.auth;

import com.gatehouse.RedisSessions;

/** {@link LogoutTests} with the sessions in Redis. */
@RedisSessions
class RedisLogoutTests extends LogoutTests {

}
