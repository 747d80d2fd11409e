package com.gatehouse.rest;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a request's {@code values} or {@code scope} object to a feature's validated input record,
 * so that every handler rejects bad input the same way: 400 {@code request.invalid} naming the
 * members at fault. Unknown members are ignored (the API is lenient about extras).
 */
@Component
public final class ValuesReader {

	private final JsonMapper json;

	private final Validator validator;

	ValuesReader(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	public <T> T read(ObjectNode node, Class<T> type) {
		return validate(bind(node, type), Default.class);
	}

	public <T> T readForCreate(ObjectNode node, Class<T> type) {
		return validate(bind(node, type), Default.class, OnCreate.class);
	}

	private <T> T bind(ObjectNode node, Class<T> type) {
		ObjectReader reader = this.json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try {
			return reader.readValue(node);
		}
		catch (JacksonException failure) {
			String member = failure.getPathReference();
			throw RestFailure.badRequest("request.invalid", "A member has the wrong type: " + member);
		}
	}

	private <T> T validate(T value, Class<?>... groups) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(value, groups);
		if (!violations.isEmpty()) {
			String message = violations.stream()
				.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw RestFailure.badRequest("request.invalid", message);
		}
		return value;
	}
}
