@NullMarked
package com.gatehouse.session;

import org.jspecify.annotations.NullMarked;
