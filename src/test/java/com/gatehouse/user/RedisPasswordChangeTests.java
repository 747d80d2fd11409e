package com.gatehouse.user;

import com.gatehouse.RedisSessions;

/** {@link PasswordChangeTests} with the sessions in Redis: a password change ends them there too. */
@RedisSessions
class RedisPasswordChangeTests extends PasswordChangeTests {

}
