@NullMarked
package com.gatehouse;

import org.jspecify.annotations.NullMarked;
