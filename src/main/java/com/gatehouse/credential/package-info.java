/**
 * The credential kernel, at the bottom of every dependency: the presented credentials (token
 * types), the one rejection every credential failure is ({@link CredentialsRejected}), the
 * credential kinds and the session cookie's name. Everything may use it; it uses nothing of ours.
 */
@NullMarked
package com.gatehouse.credential;

import org.jspecify.annotations.NullMarked;
