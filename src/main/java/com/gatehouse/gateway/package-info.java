/**
 * The gateway (issue 11): forwards the {@code /rest/} sections Gatehouse does not answer itself to
 * upstream PBX services with the caller's identity attached and every credential removed, and
 * offers the same decision to reverse proxies as a forward-auth endpoint. An adapter like
 * {@code rest} and {@code console}: the decision itself is {@code permission.RouteAccess}.
 */
@NullMarked
package com.gatehouse.gateway;

import org.jspecify.annotations.NullMarked;
