/**
 * The admin console: server-rendered pages under {@code /admin/} (Thymeleaf), signed in with the
 * same {@code Red60urne} session as the REST API, and acting through the same feature services and
 * access policy, so there is no second copy of any rule here. Features never depend on this package.
 */
@NullMarked
package com.gatehouse.console;

import org.jspecify.annotations.NullMarked;
