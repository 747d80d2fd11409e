/**
 * The API's description: the hand-kept OpenAPI 3.1 document ({@code openapi.yaml} on the class
 * path), served as it is and as JSON, to anyone.
 */
@NullMarked
package com.gatehouse.apidoc;

import org.jspecify.annotations.NullMarked;
