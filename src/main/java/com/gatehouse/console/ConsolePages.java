package com.gatehouse.console;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's fixed answers: its one stylesheet, one script and its icon (served here, under
 * /admin/, so that the console's own security headers apply and no other path serves files), the
 * page a refused form (no or a stale CSRF token) is forwarded to, and the 404 page for every /admin/
 * URL that names nothing.
 */
@Controller
final class ConsolePages {

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1));

	@GetMapping("/admin/console.css")
	ResponseEntity<Resource> stylesheet() {
		return asset("console/console.css", MediaType.valueOf("text/css"));
	}

	@GetMapping(ConsoleSecurity.ICON)
	ResponseEntity<Resource> icon() {
		return asset("console/favicon.svg", MediaType.valueOf("image/svg+xml"));
	}

	@GetMapping("/admin/console.js")
	ResponseEntity<Resource> script() {
		return asset("console/console.js", MediaType.valueOf("text/javascript"));
	}

	@RequestMapping(ConsoleSecurity.DENIED_PAGE)
	ModelAndView denied() {
		return ConsoleAdvice.page(HttpStatus.FORBIDDEN,
				"The form was refused: it expired or did not come from this console. Go back, reload the page and try again.");
	}

	@RequestMapping("/admin/**")
	ModelAndView unknown() {
		return ConsoleAdvice.page(HttpStatus.NOT_FOUND, "There is no such page");
	}

	private static ResponseEntity<Resource> asset(String path, MediaType type) {
		return ResponseEntity.ok().contentType(type).cacheControl(ONE_HOUR).body(new ClassPathResource(path));
	}
}
