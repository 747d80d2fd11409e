package com.gatehouse.rest;

import java.lang.reflect.Field;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a request's {@code values} or {@code scope} object to a feature's validated input record,
 * so that every handler rejects bad input the same way: 400 {@code request.invalid} naming the
 * members at fault as the API spells them ({@code values.contact_id}), never by a Java name
 * (rest-api.md §5). Unknown members are ignored (the API is lenient about extras).
 */
@Component
public final class ValuesReader {

	private final JsonMapper json;

	private final Validator validator;

	ValuesReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/** The request's {@code values}, as an update gives them. */
	public <T> T values(RestRequest request, Class<T> type) {
		return read("values", request.values(), type, Default.class);
	}

	/** The request's {@code values}, as a create gives them: the members a new record needs must be there. */
	public <T> T valuesForCreate(RestRequest request, Class<T> type) {
		return read("values", request.values(), type, Default.class, OnCreate.class);
	}

	/** A {@code scope} object (e.g. {@link ScopeFilter#single()}). */
	public <T> T scope(ObjectNode scope, Class<T> type) {
		return read("scope", scope, type, Default.class);
	}

	private <T> T read(String member, ObjectNode node, Class<T> type, Class<?>... groups) {
		T value = bind(member, node, type);
		Set<ConstraintViolation<T>> violations = this.validator.validate(value, groups);
		if (!violations.isEmpty()) {
			String message = violations.stream()
				.map((violation) -> member + "." + apiPath(type, violation.getPropertyPath().toString()) + " "
						+ violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw RestFailure.badRequest("request.invalid", message);
		}
		return value;
	}

	private <T> T bind(String member, ObjectNode node, Class<T> type) {
		ObjectReader reader = this.json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try {
			return reader.readValue(node);
		}
		catch (JacksonException failure) {
			StringBuilder path = new StringBuilder(member);
			failure.getPath().forEach((step) -> {
				if (step.getPropertyName() != null) {
					path.append('.').append(step.getPropertyName());
				}
				else if (step.getIndex() >= 0) {
					path.append('[').append(step.getIndex()).append(']');
				}
			});
			throw RestFailure.badRequest("request.invalid", path + " must be " + expected(failure));
		}
	}

	/** What the member should have been, in words for the client's developer rather than a Java type. */
	private static String expected(JacksonException failure) {
		Class<?> target = (failure instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (target == null) {
			return "of another JSON type";
		}
		if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
			return "a number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "true or false";
		}
		if (target == String.class) {
			return "a string";
		}
		if (Temporal.class.isAssignableFrom(target)) {
			return "an ISO-8601 instant such as 2030-01-01T00:00:00Z";
		}
		if (Map.class.isAssignableFrom(target) || target.isRecord()) {
			return "an object";
		}
		return "of another JSON type";
	}

	/** A validation path with its first step (a record component) renamed to its JSON name. */
	private static String apiPath(Class<?> type, String path) {
		int end = 0;
		while (end < path.length() && Character.isJavaIdentifierPart(path.charAt(end))) {
			end++;
		}
		String component = path.substring(0, end);
		return jsonName(type, component) + path.substring(end);
	}

	private static String jsonName(Class<?> type, String component) {
		Field field = field(type, component);
		JsonProperty property = (field != null) ? field.getAnnotation(JsonProperty.class) : null;
		return (property != null && !property.value().isEmpty()) ? property.value() : component;
	}

	private static @Nullable Field field(Class<?> type, String name) {
		try {
			return type.getDeclaredField(name);
		}
		catch (NoSuchFieldException notAField) {
			return null;
		}
	}
}
