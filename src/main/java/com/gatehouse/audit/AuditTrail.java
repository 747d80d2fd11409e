package com.gatehouse.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. The time comes from the {@link Clock} and the address from the current
 * request (already resolved through trusted proxies), so callers say only what happened. A write
 * joins the caller's transaction when there is one, so an event is kept exactly when its change is.
 */
@Component
public final class AuditTrail {

	private static final String INSERT_EVENT = """
			INSERT INTO audit_events (occurred_at, event, contact_id, login, company, ip, detail)
			VALUES (:occurredAt, :event, :contactId, :login, :company, :ip, :detail)
			""";

	private static final int MAX_DETAIL = 1000;

	private static final int MAX_LOGIN = 64;

	private static final Logger events = LoggerFactory.getLogger("com.gatehouse.audit.events");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean logged;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditProperties settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.logged = settings.log();
	}

	public void record(AuditEntry entry) {
		String ip = clientAddress();
		this.jdbc.sql(INSERT_EVENT)
			.param("occurredAt", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("event", entry.event())
			.param("contactId", entry.contactId())
			.param("login", clip(entry.login(), MAX_LOGIN))
			.param("company", entry.company())
			.param("ip", ip)
			.param("detail", clip(entry.detail(), MAX_DETAIL))
			.update();
		if (this.logged) {
			afterCommit(() -> log(entry, ip));
		}
	}

	/** Logged once the event is kept: a rolled-back change leaves no audit line either. */
	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	private static void log(AuditEntry entry, @Nullable String ip) {
		events.atInfo()
			.addKeyValue("audit.event", entry.event())
			.addKeyValue("audit.contact_id", entry.contactId())
			.addKeyValue("audit.login", clip(entry.login(), MAX_LOGIN))
			.addKeyValue("audit.company", entry.company())
			.addKeyValue("audit.ip", ip)
			.addKeyValue("audit.detail", clip(entry.detail(), MAX_DETAIL))
			.log("audit {}", entry.event());
	}

	/** The client address of the call in progress, as Tomcat resolved it through trusted proxies; null outside a call. */
	public static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static @Nullable String clip(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}
}
