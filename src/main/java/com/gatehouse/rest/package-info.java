@NullMarked
package com.gatehouse.rest;

import org.jspecify.annotations.NullMarked;
