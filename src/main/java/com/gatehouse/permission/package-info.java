@NullMarked
package com.gatehouse.permission;

import org.jspecify.annotations.NullMarked;
