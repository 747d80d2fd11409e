package com.gatehouse.user;

import java.util.List;

/** One page of a user search: its users, its number (from 0), and whether another follows. */
public record UserPage(List<User> users, int page, boolean hasNext) {
}
