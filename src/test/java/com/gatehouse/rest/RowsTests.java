package com.gatehouse.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTests {

	@Test
	void selectWithoutColumnsOrOrderKeepsRowsAsTheyAre() {
		List<Map<String, Object>> rows = List.of(row("id", 2, "name", "b"), row("id", 1, "name", "a"));

		assertThat(Rows.select(rows, request(null, List.of()))).isEqualTo(rows);
	}

	@Test
	void selectWithColumnsKeepsOnlyThoseMembersInTheRowsOrder() {
		List<Map<String, Object>> rows = List.of(row("id", 1, "login", "a", "name", "A"));

		List<Map<String, Object>> selected = Rows.select(rows, request(List.of("name", "id"), List.of()));

		assertThat(selected).hasSize(1);
		assertThat(selected.get(0)).containsExactly(Map.entry("id", 1), Map.entry("name", "A"));
	}

	@Test
	void selectIgnoresUnknownColumns() {
		List<Map<String, Object>> rows = List.of(row("id", 1, "name", "A"));

		List<Map<String, Object>> selected = Rows.select(rows, request(List.of("id", "nosuch"), List.of()));

		assertThat(selected.get(0)).containsExactly(Map.entry("id", 1));
	}

	@Test
	void selectWithEmptyColumnsKeepsNoMembers() {
		List<Map<String, Object>> rows = List.of(row("id", 1, "name", "A"));

		assertThat(Rows.select(rows, request(List.of(), List.of()))).containsExactly(Map.of());
	}

	@Test
	void orderSortsAscending() {
		List<Map<String, Object>> rows = List.of(row("name", "c"), row("name", "a"), row("name", "b"));

		assertThat(names(Rows.select(rows, request(null, List.of("name"))))).containsExactly("a", "b", "c");
	}

	@Test
	void orderWithLeadingMinusSortsDescending() {
		List<Map<String, Object>> rows = List.of(row("name", "c"), row("name", "a"), row("name", "b"));

		assertThat(names(Rows.select(rows, request(null, List.of("-name"))))).containsExactly("c", "b", "a");
	}

	@Test
	void orderByTwoColumnsBreaksTiesWithTheSecond() {
		List<Map<String, Object>> rows = List.of(row("company", "x", "name", "a"), row("company", "y", "name", "b"),
				row("company", "x", "name", "c"));

		List<Map<String, Object>> sorted = Rows.select(rows, request(null, List.of("company", "-name")));

		assertThat(names(sorted)).containsExactly("c", "a", "b");
	}

	@Test
	void orderIsStableForEqualKeys() {
		List<Map<String, Object>> rows = List.of(row("k", 1, "name", "first"), row("k", 1, "name", "second"),
				row("k", 0, "name", "zero"));

		assertThat(names(Rows.select(rows, request(null, List.of("k"))))).containsExactly("zero", "first", "second");
	}

	@Test
	void orderPutsMissingAndNullValuesLastWhenAscending() {
		List<Map<String, Object>> rows = List.of(row("name", "none"), row("k", 2, "name", "two"),
				row("k", null, "name", "null"), row("k", 1, "name", "one"));

		List<String> sorted = names(Rows.select(rows, request(null, List.of("k"))));

		assertThat(sorted).startsWith("one", "two");
		assertThat(sorted.subList(2, 4)).containsExactlyInAnyOrder("none", "null");
	}

	@Test
	void orderPutsNullsFirstWhenDescendingAsTheStoreDoes() {
		List<Map<String, Object>> rows = List.of(row("k", 1, "name", "one"), row("k", null, "name", "null"),
				row("k", 2, "name", "two"));

		assertThat(names(Rows.select(rows, request(null, List.of("-k"))))).containsExactly("null", "two", "one");
	}

	@Test
	void orderComparesNumbersByValueNotAsText() {
		List<Map<String, Object>> rows = List.of(row("k", 10, "name", "ten"), row("k", 9, "name", "nine"),
				row("k", 100L, "name", "hundred"), row("k", 9.5, "name", "nine-and-a-half"));

		assertThat(names(Rows.select(rows, request(null, List.of("k"))))).containsExactly("nine", "nine-and-a-half",
				"ten", "hundred");
	}

	@Test
	void orderComparesTextIgnoringCase() {
		List<Map<String, Object>> rows = List.of(row("name", "beta"), row("name", "Alpha"), row("name", "Gamma"));

		assertThat(names(Rows.select(rows, request(null, List.of("name"))))).containsExactly("Alpha", "beta", "Gamma");
	}

	@Test
	void orderComparesANumberWithTextAsText() {
		List<Map<String, Object>> rows = List.of(row("k", "b", "name", "b"), row("k", 10, "name", "10"),
				row("k", "2", "name", "2"));

		assertThat(names(Rows.select(rows, request(null, List.of("k"))))).containsExactly("10", "2", "b");
	}

	@Test
	void orderAppliesBeforeColumnsSoItMayUseAColumnNotSelected() {
		List<Map<String, Object>> rows = List.of(row("id", 1, "name", "b"), row("id", 2, "name", "a"));

		List<Map<String, Object>> selected = Rows.select(rows, request(List.of("id"), List.of("name")));

		assertThat(selected).containsExactly(Map.of("id", 2), Map.of("id", 1));
	}

	@Test
	void selectLeavesTheGivenListUnchanged() {
		List<Map<String, Object>> rows = new ArrayList<>(List.of(row("name", "b"), row("name", "a")));

		Rows.select(rows, request(List.of("id"), List.of("name")));

		assertThat(names(rows)).containsExactly("b", "a");
	}

	private static RestRequest request(@Nullable List<String> columns, List<String> order) {
		return new RestRequest(null, JsonNodeFactory.instance.objectNode(), columns, JsonNodeFactory.instance.objectNode(),
				order, null);
	}

	/** A row from name/value pairs, in that order; a value may be null. */
	private static Map<String, Object> row(@Nullable Object... pairs) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			row.put((String) pairs[i], pairs[i + 1]);
		}
		return row;
	}

	private static List<String> names(List<Map<String, Object>> rows) {
		return rows.stream().map((row) -> (String) new HashMap<>(row).get("name")).toList();
	}
}
