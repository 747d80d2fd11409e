package com.gatehouse.user;

import com.gatehouse.RedisSessions;

/** {@link PasswordResetTests} with the sessions in Redis: a reset ends them there too. */
@RedisSessions
class RedisPasswordResetTests extends PasswordResetTests {

}
