package com.gatehouse.company;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "company"}, exactly as documented (rest-api.md §4): create and delete need
 * System-Admin; read and update are open to a Company-Admin whose {@code scope.company} names its
 * own company, and such an update ignores feature toggles ({@code data}). Replies are objects keyed
 * by the company's id. Each change is audited in its own transaction, so the event is kept exactly
 * when the change is.
 */
@Component
final class CompanyHandler implements TypeHandler {

	private final CompanyRepository companies;

	private final AccessPolicy policy;

	private final ValuesReader reader;

	private final TransactionOperations transactions;

	private final AuditTrail audit;

	CompanyHandler(CompanyRepository companies, AccessPolicy policy, ValuesReader reader,
			TransactionOperations transactions, AuditTrail audit) {
		this.companies = companies;
		this.policy = policy;
		this.reader = reader;
		this.transactions = transactions;
		this.audit = audit;
	}

	@Override
	public String type() {
		return "company";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> create(caller, this.reader.readForCreate(request.values(), CompanyValues.class), request);
			case READ -> read(caller, this.reader.read(request.scope(), CompanyScope.class), request);
			case UPDATE -> update(caller, named(request), this.reader.read(request.values(), CompanyValues.class), request);
			case DELETE -> delete(caller, named(request));
		};
	}

	private Object create(Caller caller, CompanyValues values, RestRequest request) {
		this.policy.requireSystemAdmin(caller, "company.create");
		this.transactions.executeWithoutResult((status) -> {
			this.companies.insert(values.id(), values.name(),
					(values.data() != null) ? values.data() : JsonNodeFactory.instance.objectNode());
			record(caller, "company.created", values.id(), "name '" + values.name() + "'");
		});
		return reply(this.companies.find(values.id()), request);
	}

	private Object read(Caller caller, CompanyScope scope, RestRequest request) {
		if (scope.company() == null) {
			this.policy.requireSystemAdmin(caller, "company.read");
		}
		else {
			this.policy.requireAdminOf(caller, scope.company(), "company.read");
		}
		return reply(this.companies.find(scope.company()), request);
	}

	private Object update(Caller caller, String handle, CompanyValues values, RestRequest request) {
		this.policy.requireAdminOf(caller, handle, "company.update");
		if (values.id() != null && !values.id().equals(handle)) {
			throw RestFailure.badRequest("company.id_immutable", "A company's id cannot change");
		}
		Company company = this.companies.findByHandle(handle).orElseThrow(CompanyHandler::unknown);
		// rest-api.md §4: feature toggles from anyone but a System-Admin are ignored, not rejected.
		boolean mayToggle = caller.isSystemAdmin() && values.data() != null;
		String name = (values.name() != null) ? values.name() : company.name();
		ObjectNode data = mayToggle ? values.data() : company.data();
		this.transactions.executeWithoutResult((status) -> {
			this.companies.update(handle, name, data);
			record(caller, "company.updated", handle, company.changesTo(name, data));
		});
		return reply(this.companies.find(handle), request);
	}

	private Object delete(Caller caller, String handle) {
		this.policy.requireSystemAdmin(caller, "company.delete");
		Company company = this.companies.findByHandle(handle).orElseThrow(CompanyHandler::unknown);
		this.transactions.executeWithoutResult((status) -> {
			this.companies.delete(handle);
			record(caller, "company.deleted", handle, "name '" + company.name() + "'");
		});
		return RestReply.success();
	}

	private void record(Caller caller, String event, String handle, String what) {
		this.audit.record(AuditEntry.by(caller, event, what).inCompany(handle));
	}

	private String named(RestRequest request) {
		String handle = this.reader.read(request.scope(), CompanyScope.class).company();
		if (handle == null) {
			throw RestFailure.badRequest("request.scope_required", "Name the company by scope.company");
		}
		return handle;
	}

	private static Object reply(List<Company> found, RestRequest request) {
		Map<String, Object> values = new LinkedHashMap<>();
		found.forEach((company) -> values.put(company.handle(), Rows.project(company.asValue(), request.columns())));
		return RestReply.values(values);
	}

	private static RestFailure unknown() {
		return RestFailure.notFound("company.unknown", "There is no such company");
	}
}
