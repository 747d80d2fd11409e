package com.gatehouse.abuse;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The brute-force limits on failed credentials (issue 3). A window starts at its first failure.
 *
 * @param loginFailures failures for one login name within {@code loginWindow} that lock it
 * @param loginWindow the window in which a login's failures are counted
 * @param lockDuration how long a locked login is refused, even with the right password
 * @param addressFailures failures from one client address within {@code addressWindow} after
 * which every credentialed call from it gets 429 until the window ends
 * @param addressWindow the window in which an address's failures are counted
 */
@ConfigurationProperties("gatehouse.abuse")
public record AbuseProperties(int loginFailures, Duration loginWindow, Duration lockDuration, int addressFailures,
		Duration addressWindow) {

	public AbuseProperties {
		if (loginFailures <= 0) {
			loginFailures = 10;
		}
		if (loginWindow == null) {
			loginWindow = Duration.ofMinutes(15);
		}
		if (lockDuration == null) {
			lockDuration = Duration.ofMinutes(15);
		}
		if (addressFailures <= 0) {
			addressFailures = 100;
		}
		if (addressWindow == null) {
			addressWindow = Duration.ofMinutes(10);
		}
	}
}
