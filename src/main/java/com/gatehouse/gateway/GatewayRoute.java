package com.gatehouse.gateway;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import com.gatehouse.permission.RouteRule;

/** A policy rule and the upstream its calls go to when it names one of its own (else the default). */
record GatewayRoute(RouteRule rule, @Nullable URI upstream) {
}
