@NullMarked
package com.gatehouse.system;

import org.jspecify.annotations.NullMarked;
