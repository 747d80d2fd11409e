package com.gatehouse.apidoc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.TestUser;

/**
 * What the document's examples talk about, made fresh for one example: the companies {@code acme}
 * (with the roles {@code Operator} and {@code Auditor}, and the user {@code jdoe} holding
 * {@code Operator}, logged in once and with one Auth Key) and {@code initech} (empty), and a
 * System-Admin key. Each example value names one of them ({@code jdoe}, {@code 1042}, its key...),
 * and {@link #fill} puts in the real one; {@code globex} and {@code pbx-sync} become names not yet
 * taken. Tests share one store, so no example may use a fixed name or id.
 */
final class ExampleWorld {

	static final String JDOE_PASSWORD = "correct-horse-battery-staple";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> texts = new HashMap<>();

	private final Map<Long, Long> numbers = new HashMap<>();

	private ExampleWorld() {
	}

	static ExampleWorld make(Directory directory, Api api) {
		ExampleWorld world = new ExampleWorld();
		String acme = directory.newCompany();
		world.texts.put("acme", acme);
		world.texts.put("initech", directory.newCompany());
		world.texts.put("globex", Directory.unique("co"));
		world.texts.put("pbx-sync", Directory.unique("sync"));
		world.numbers.put(3301L, role(directory, acme, "Operator", "cdr"));
		world.numbers.put(3302L, role(directory, acme, "Auditor", "audit"));
		String login = Directory.unique("jdoe");
		long jdoe = directory.asAdmin("create", "user", Map.of("values", Map.of("login", login, "name", "Jane Doe",
				"password", JDOE_PASSWORD, "company", acme, "role", "Operator")))
			.json().path("values").path(0).path("id").asLong();
		world.texts.put("jdoe", login);
		world.numbers.put(1042L, jdoe);
		JsonNode key = directory.asAdmin("create", "authinfo", Map.of("values", Map.of("contact_id", jdoe)))
			.json().path("values").path(0);
		world.texts.put("ghk_Jd0eExampleKeyK7mQ2vX9pL4nR8tW1yZ5bC3dF6gH0j_3f9a1c2e", key.path("token").asString());
		world.numbers.put(5150L, key.path("id").asLong());
		world.texts.put("ghk_Adm1nExampleKeyQ8wE3rT6yU9iO2pA5sD7fG1hJ4k_8b7e6d5c", directory.newKey(directory.adminId()));
		world.texts.put("Jd0eSessionExampleQm9vdHN0cmFwX3Nlc3Npb25faWQ",
				directory.login(new TestUser(jdoe, login, JDOE_PASSWORD, acme)));
		world.texts.put("1042.9f86d081884c7d659a2feaa0c55ad015", directory
			.asAdmin("read", "session", Map.of("scope", Map.of("contact_id", jdoe)))
			.json().path("values").path(0).path("id").asString());
		byte[] chosen = new byte[30];
		RANDOM.nextBytes(chosen);
		world.texts.put("VHUSAIbicp-asi9pbhucp909gb88s78bt7csbt7os",
				Base64.getUrlEncoder().withoutPadding().encodeToString(chosen));
		return world;
	}

	private static long role(Directory directory, String company, String name, String perm) {
		return directory.asAdmin("create", "role", Map.of("values",
				Map.of("name", name, "company", company, "perms", Map.of(perm, "company"))))
			.json().path("values").path(0).path("id").asLong();
	}

	/** {@code value} with every example value that names a thing of this world replaced by the real one. */
	JsonNode fill(JsonNode value) {
		if (value.isObject()) {
			ObjectNode filled = JsonNodeFactory.instance.objectNode();
			value.properties().forEach((member) -> filled.set(text(member.getKey()), fill(member.getValue())));
			return filled;
		}
		if (value.isArray()) {
			return JsonNodeFactory.instance.arrayNode().addAll(value.valueStream().map(this::fill).toList());
		}
		if (value.isString()) {
			return JsonNodeFactory.instance.stringNode(text(value.asString()));
		}
		if (value.isIntegralNumber() && this.numbers.containsKey(value.asLong())) {
			return JsonNodeFactory.instance.numberNode(this.numbers.get(value.asLong()));
		}
		return value;
	}

	/** A whole example text, or a header value that contains one (a key, a cookie), made real. */
	String text(String example) {
		String real = this.texts.get(example);
		if (real != null) {
			return real;
		}
		String filled = example;
		for (String key : List.copyOf(this.texts.keySet())) {
			if (key.length() > 30) {
				filled = filled.replace(key, this.texts.get(key));
			}
		}
		return filled;
	}
}
