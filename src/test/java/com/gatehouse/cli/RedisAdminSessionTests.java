package com.gatehouse.cli;

import com.gatehouse.RedisSessions;

/** {@link AdminSessionTests} with the sessions in Redis: the command line ends them there. */
@RedisSessions
class RedisAdminSessionTests extends AdminSessionTests {

}
