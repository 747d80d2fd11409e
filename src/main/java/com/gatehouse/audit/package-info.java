@NullMarked
package com.gatehouse.audit;

import org.jspecify.annotations.NullMarked;
