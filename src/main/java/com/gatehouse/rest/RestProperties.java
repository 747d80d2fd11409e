package com.gatehouse.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST envelope.
 *
 * @param maxBodySize largest request body read; larger ones are refused with 413
 * @param legacyStatus answer every call with HTTP 200 (the outcome stays in {@code result}), for
 * old clients that only read the body
 */
@ConfigurationProperties("gatehouse.rest")
public record RestProperties(DataSize maxBodySize, boolean legacyStatus) {

	public RestProperties {
		if (maxBodySize == null) {
			maxBodySize = DataSize.ofKilobytes(64);
		}
	}
}
