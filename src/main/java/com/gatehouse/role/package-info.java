@NullMarked
package com.gatehouse.role;

import org.jspecify.annotations.NullMarked;
