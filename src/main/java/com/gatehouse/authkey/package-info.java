@NullMarked
package com.gatehouse.authkey;

import org.jspecify.annotations.NullMarked;
