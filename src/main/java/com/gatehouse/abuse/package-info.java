@NullMarked
package com.gatehouse.abuse;

import org.jspecify.annotations.NullMarked;
