/**
 * The admin command line, {@code java -jar gatehouse.jar admin ...}: an adapter like the console,
 * acting on the configured store through the features' services as the {@link com.gatehouse.cli.Operator}.
 */
@NullMarked
package com.gatehouse.cli;

import org.jspecify.annotations.NullMarked;
