package com.gatehouse.user;

/** Published after a user is deleted, so that what hangs on the user (sessions) ends with it. */
public record UserRemoved(long userId) {
}
