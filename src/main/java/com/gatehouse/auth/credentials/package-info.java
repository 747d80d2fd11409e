@NullMarked
package com.gatehouse.auth.credentials;

import org.jspecify.annotations.NullMarked;
