package com.gatehouse.company;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.ScopeFilter;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "company"}: the request read into a scope filter and values, and the rules and
 * changes of {@link CompanyChanges}, which the admin console uses too. Replies are objects keyed by
 * the company's id. The rows a caller may see are every company for a System-Admin and its own
 * for a Company-Admin; a scope that names one company by {@code company} asks for exactly that one,
 * as documented (rest-api.md §4), so naming another company is a 403, never a match. Update and
 * delete act on every company the scope matches, all or none.
 */
@Component
final class CompanyHandler implements TypeHandler {

	private static final Set<String> COLUMNS = Set.of("company", "id", "name", "description");

	private final CompanyChanges changes;

	private final ValuesReader reader;

	private final TransactionOperations transactions;

	private final AccessPolicy policy;

	CompanyHandler(CompanyChanges changes, ValuesReader reader, TransactionOperations transactions,
			AccessPolicy policy) {
		this.changes = changes;
		this.reader = reader;
		this.transactions = transactions;
		this.policy = policy;
	}

	@Override
	public String type() {
		return "company";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> {
				requireOneId(request);
				CompanyValues values = this.reader.valuesForCreate(request, CompanyValues.class);
				yield reply(List.of(this.changes.create(caller, values)), request);
			}
			case READ -> {
				List<Company> found = matched(caller, filter(request));
				yield RestReply.read(keyed(found, request), found.size());
			}
			case UPDATE -> {
				requireOneId(request);
				CompanyValues values = this.reader.values(request, CompanyValues.class);
				List<Company> found = matched(caller, filter(request).requireColumns("company"));
				yield reply(this.transactions.execute((status) -> found.stream()
					.map((company) -> this.changes.update(caller, company.handle(), values))
					.toList()), request);
			}
			case DELETE -> {
				List<Company> found = matched(caller, filter(request).requireColumns("company"));
				this.transactions.executeWithoutResult(
						(status) -> found.forEach((company) -> this.changes.delete(caller, company.handle())));
				yield RestReply.success();
			}
		};
	}

	private static ScopeFilter filter(RestRequest request) {
		return ScopeFilter.of(request, "company", COLUMNS);
	}

	/** The companies the caller may see that the filter matches. */
	private List<Company> matched(Caller caller, ScopeFilter filter) {
		String named = this.reader.scope(filter.single(), CompanyScope.class).company();
		return filter.select(this.changes.readable(caller, this.policy.companyToRead(caller, named)),
				CompanyHandler::row);
	}

	/** rest-api.md §4: the documented name of a new id is values.company; values.id is our older alias. */
	private static void requireOneId(RestRequest request) {
		JsonNode company = request.values().get("company");
		JsonNode id = request.values().get("id");
		if (company != null && id != null && !company.equals(id)) {
			throw RestFailure.badRequest("request.invalid",
					"values.company and values.id (its older name) name different companies: give one");
		}
	}

	private static Map<String, Object> row(Company company) {
		Map<String, Object> row = new LinkedHashMap<>(company.asValue());
		row.put("company", company.handle());
		return row;
	}

	private static Map<String, Object> keyed(List<Company> found, RestRequest request) {
		Map<String, Object> values = new LinkedHashMap<>();
		found.forEach((company) -> values.put(company.handle(), Rows.project(company.asValue(), request.columns())));
		return values;
	}

	private static Object reply(List<Company> found, RestRequest request) {
		return RestReply.values(keyed(found, request));
	}
}
