package com.gatehouse.user;

import com.gatehouse.RedisSessions;

/** {@link OwnPasswordChangeTests} with the sessions in Redis: a password change ends them there too. */
@RedisSessions
class RedisOwnPasswordChangeTests extends OwnPasswordChangeTests {

}
