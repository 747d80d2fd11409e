@NullMarked
package com.gatehouse.auth;

import org.jspecify.annotations.NullMarked;
