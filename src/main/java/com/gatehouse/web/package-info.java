/**
 * Rules for requests a browser makes: which pages may use the session cookie or log in (origin
 * checks against CSRF and login CSRF), and CORS for the configured allowed origins.
 */
@NullMarked
package com.gatehouse.web;

import org.jspecify.annotations.NullMarked;
