package com.gatehouse.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The bare host leads to the console: a person who types {@code https://gatehouse.example/} wants
 * it, and nothing else lives at {@code /}. A plain redirect (302 to {@code /admin/}), registered as
 * Spring MVC's view controller: no handler, no page, nothing read from the request, and not one of
 * the API's mapped paths (its OpenAPI description covers those).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoot implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", ConsoleSecurity.SIGN_IN_PAGE);
	}
}
