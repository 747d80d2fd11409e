package com.gatehouse.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's {@code scope} as the filter the API documents (rest-api.md §5): each member is
 * {@code column: value-to-match} over the rows the caller may see, an array matches any of its items,
 * and every member must match. A member that names no column of the type is a 400, so that a typo
 * never widens an update or delete to every row. Values match as the API's loosely typed clients
 * send them: numbers by value ({@code 123} and {@code "123"} alike), text whatever its case.
 */
public final class ScopeFilter {

	private final Map<String, List<JsonNode>> wanted;

	private ScopeFilter(Map<String, List<JsonNode>> wanted) {
		this.wanted = wanted;
	}

	/**
	 * The filter of {@code request}'s scope over rows with {@code columns}; {@code parameters} are
	 * further scope members the type reads itself (such as an audit read's {@code since}), which
	 * match no column.
	 */
	public static ScopeFilter of(RestRequest request, String type, Set<String> columns, Set<String> parameters) {
		Map<String, List<JsonNode>> wanted = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : request.scope().properties()) {
			String column = member.getKey();
			if (parameters.contains(column)) {
				continue;
			}
			if (!columns.contains(column)) {
				Set<String> known = new TreeSet<>(columns);
				known.addAll(parameters);
				throw RestFailure.badRequest("request.unknown_scope_column", "scope." + column + " is no column of type "
						+ type + "; its scope takes " + String.join(", ", known));
			}
			wanted.put(column, values(column, member.getValue()));
		}
		return new ScopeFilter(wanted);
	}

	public static ScopeFilter of(RestRequest request, String type, Set<String> columns) {
		return of(request, type, columns, Set.of());
	}

	/** Whether the scope names no column at all, and so matches every row. */
	public boolean isEmpty() {
		return this.wanted.isEmpty();
	}

	/**
	 * This filter, for an update or delete: one that names no column would change every row the
	 * caller may see, which a client never means by leaving the scope out, so it is a 400.
	 */
	public ScopeFilter requireColumns(String example) {
		if (isEmpty()) {
			throw RestFailure.badRequest("request.scope_required",
					"Name the rows to change by scope, e.g. scope." + example);
		}
		return this;
	}

	public boolean matches(Map<String, Object> row) {
		return this.wanted.entrySet()
			.stream()
			.allMatch((member) -> member.getValue().stream().anyMatch((value) -> same(row.get(member.getKey()), value)));
	}

	/** The items whose row ({@code asRow}) the scope matches, in their order. */
	public <T> List<T> select(List<T> items, Function<T, Map<String, Object>> asRow) {
		return items.stream().filter((item) -> matches(asRow.apply(item))).toList();
	}

	/**
	 * The members that name one value each, as an object a type may bind to narrow its store query
	 * before the filter applies (the filter still decides; an array is left to it alone).
	 */
	public ObjectNode single() {
		ObjectNode single = JsonNodeFactory.instance.objectNode();
		this.wanted.forEach((column, values) -> {
			if (values.size() == 1 && !values.get(0).isNull()) {
				single.set(column, values.get(0));
			}
		});
		return single;
	}

	private static List<JsonNode> values(String column, JsonNode value) {
		List<JsonNode> values = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(values::add);
		}
		else {
			values.add(value);
		}
		if (values.stream().anyMatch((item) -> item.isContainer())) {
			throw RestFailure.badRequest("request.invalid",
					"scope." + column + " must be a value to match or an array of values");
		}
		return List.copyOf(values);
	}

	private static boolean same(@Nullable Object actual, JsonNode wanted) {
		if (actual == null || wanted.isNull()) {
			return actual == null && wanted.isNull();
		}
		if (actual instanceof Map || actual instanceof Iterable) {
			return false;
		}
		if (actual instanceof Number number && wanted.isNumber()) {
			return new BigDecimal(number.toString()).compareTo(wanted.decimalValue()) == 0;
		}
		return String.valueOf(actual).toLowerCase(Locale.ROOT).equals(wanted.asString().toLowerCase(Locale.ROOT));
	}
}
