package com.gatehouse.gateway;

import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify {@code X-Gatehouse-Assertion},
 * the current one and any older one whose assertions may still be valid (RFC 7517).
 */
@RestController
@Conditional(GatewayOn.class)
final class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.keys.publicKeys().toJSONObject());
	}
}
