@NullMarked
package com.gatehouse.company;

import org.jspecify.annotations.NullMarked;
