@NullMarked
package com.gatehouse.user;

import org.jspecify.annotations.NullMarked;
