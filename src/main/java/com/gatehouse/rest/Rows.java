package com.gatehouse.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Applies a read's {@code columns} (which members each row keeps; all when absent) and
 * {@code order} (the columns to sort by, in turn; a leading '-' sorts descending) to the rows a
 * handler read (rest-api.md §1). Unknown column names are ignored, as the API is lenient.
 */
public final class Rows {

	private Rows() {
	}

	public static List<Map<String, Object>> select(List<Map<String, Object>> rows, RestRequest request) {
		List<Map<String, Object>> sorted = new ArrayList<>(rows);
		Comparator<Map<String, Object>> order = order(request.order());
		if (order != null) {
			sorted.sort(order);
		}
		List<String> columns = request.columns();
		if (columns == null) {
			return sorted;
		}
		return sorted.stream().map((row) -> project(row, columns)).toList();
	}

	public static Map<String, Object> project(Map<String, Object> row, @Nullable List<String> columns) {
		if (columns == null) {
			return row;
		}
		Map<String, Object> projected = new LinkedHashMap<>();
		row.forEach((column, value) -> {
			if (columns.contains(column)) {
				projected.put(column, value);
			}
		});
		return projected;
	}

	private static @Nullable Comparator<Map<String, Object>> order(List<String> order) {
		Comparator<Map<String, Object>> comparator = null;
		for (String column : order) {
			boolean descending = column.startsWith("-");
			String name = descending ? column.substring(1) : column;
			Comparator<Map<String, Object>> next = Comparator.comparing((row) -> row.get(name), Rows::compareValues);
			next = descending ? next.reversed() : next;
			comparator = (comparator == null) ? next : comparator.thenComparing(next);
		}
		return comparator;
	}

	private static int compareValues(@Nullable Object left, @Nullable Object right) {
		if (left == null || right == null) {
			return (left == null) ? ((right == null) ? 0 : 1) : -1;
		}
		if (left instanceof Number a && right instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		return String.valueOf(left).compareToIgnoreCase(String.valueOf(right));
	}
}
