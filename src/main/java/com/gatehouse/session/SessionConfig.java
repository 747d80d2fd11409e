package com.gatehouse.session;

import java.time.Duration;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

import com.gatehouse.credential.SessionCookieToken;

/**
 * Spring Session wiring: the documented {@code Red60urne} cookie ({@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} when the request came over HTTPS, directly or through a
 * trusted proxy), 256-bit ids, and the idle timeout.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	@Bean
	CookieSerializer cookieSerializer() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SessionCookieToken.COOKIE_NAME);
		cookie.setCookiePath("/");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		// The id is already URL-safe, so the cookie value and user.session are the same string.
		cookie.setUseBase64Encoding(false);
		return cookie;
	}

	/**
	 * No flash attributes: Spring MVC's default keeps them in the HTTP session and so looks the
	 * session up on every request, which makes Spring Session stamp it as used (with real time, not
	 * the {@code Clock}) whatever the request was authenticated by, or whether it was at all. Only
	 * {@link SessionAuthenticationProvider} may count a call as activity.
	 */
	@Bean
	FlashMapManager flashMapManager() {
		return new FlashMapManager() {

			@Override
			public @Nullable FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
				return null;
			}

			@Override
			public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
			}
		};
	}

	/**
	 * Spring Session's JDBC store joins the caller's transaction instead of opening its own (its
	 * default is REQUIRES_NEW): a login saves its session under the user's row lock, and a second
	 * connection per login would let as many racing logins as the pool holds each wait for another
	 * until the pool gave up (LoginPoolTests). Outside a transaction it makes its own, as before. The
	 * name is the one Spring Session looks for; Spring Boot's own transaction template backs off
	 * for it, and this one is the same plain template.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	@Bean
	SessionIdGenerator sessionIdGenerator() {
		return new RandomSessionIds();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> jdbcSessionLimits(SessionProperties limits,
			SessionIdGenerator ids) {
		return sameOnEveryStore(JdbcIndexedSessionRepository::setDefaultMaxInactiveInterval,
				JdbcIndexedSessionRepository::setSessionIdGenerator, limits, ids);
	}

	/**
	 * Gives a store's repository the ids and idle timeout every store shares. Ordered after Spring
	 * Boot's own customizer, whose {@code spring.session.timeout} this overrides. The repositories
	 * have these setters but no common type with them, hence the two setters as arguments.
	 */
	static <R extends SessionRepository<?>> SessionRepositoryCustomizer<R> sameOnEveryStore(BiConsumer<R, Duration> idleTimeout,
			BiConsumer<R, SessionIdGenerator> idGenerator, SessionProperties limits, SessionIdGenerator ids) {
		return (repository) -> {
			idleTimeout.accept(repository, limits.idleTimeout());
			idGenerator.accept(repository, ids);
		};
	}
}
