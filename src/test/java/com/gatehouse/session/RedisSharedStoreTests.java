package com.gatehouse.session;

import com.gatehouse.RedisSessions;

/** {@link SharedStoreTests} with both instances keeping their sessions in one Redis. */
@RedisSessions
class RedisSharedStoreTests extends SharedStoreTests {

}
