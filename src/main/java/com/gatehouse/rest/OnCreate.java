package com.gatehouse.rest;

/**
 * Validation group of the constraints that hold only on {@code create} (the members a new record
 * must have); constraints without a group hold on every verb.
 */
public interface OnCreate {

}
