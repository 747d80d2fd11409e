package com.gatehouse.company;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.gatehouse.audit.AuditEntry;
import com.gatehouse.audit.AuditTrail;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;

/**
 * Reads and changes companies for the REST API ({@code type: "company"}) and the admin console
 * alike, exactly as documented (rest-api.md §4): listing every company, creating and deleting one
 * need System-Admin; reading and updating one are open to its own Company-Admin, whose update
 * ignores feature toggles ({@code data}). Each change is audited in its own transaction, so the
 * event is kept exactly when the change is.
 */
@Component
public final class CompanyChanges {

	private final CompanyRepository companies;

	private final AccessPolicy policy;

	private final TransactionOperations transactions;

	private final AuditTrail audit;

	CompanyChanges(CompanyRepository companies, AccessPolicy policy, TransactionOperations transactions,
			AuditTrail audit) {
		this.companies = companies;
		this.policy = policy;
		this.transactions = transactions;
		this.audit = audit;
	}

	/** Every company (null {@code handle}, System-Admin only) or the one named, by its admin. */
	public List<Company> readable(Caller caller, @Nullable String handle) {
		if (handle == null) {
			this.policy.requireSystemAdmin(caller, "company.read");
		}
		else {
			this.policy.requireAdminOf(caller, handle, "company.read");
		}
		return this.companies.find(handle);
	}

	/** The company {@code handle}, if the caller administers it; 404 when there is none. */
	public Company one(Caller caller, String handle) {
		return readable(caller, handle).stream().findFirst().orElseThrow(CompanyChanges::unknown);
	}

	public Company create(Caller caller, CompanyValues values) {
		this.policy.requireSystemAdmin(caller, "company.create");
		this.transactions.executeWithoutResult((status) -> {
			this.companies.insert(values.id(), values.name(), (values.description() != null) ? values.description() : "",
					(values.data() != null) ? values.data() : JsonNodeFactory.instance.objectNode());
			record(caller, "company.created", values.id(), "name '" + values.name() + "'");
		});
		return this.companies.findByHandle(values.id()).orElseThrow();
	}

	/** Changes the members of {@code values} that are not null (feature toggles only for a System-Admin). */
	public Company update(Caller caller, String handle, CompanyValues values) {
		this.policy.requireAdminOf(caller, handle, "company.update");
		if (values.id() != null && !values.id().equals(handle)) {
			throw RestFailure.badRequest("company.id_immutable", "A company's id cannot change");
		}
		Company company = this.companies.findByHandle(handle).orElseThrow(CompanyChanges::unknown);
		boolean mayToggle = this.policy.togglesFeatures(caller) && values.data() != null;
		String name = (values.name() != null) ? values.name() : company.name();
		String description = (values.description() != null) ? values.description() : company.description();
		ObjectNode data = mayToggle ? values.data() : company.data();
		this.transactions.executeWithoutResult((status) -> {
			this.companies.update(handle, name, description, data);
			record(caller, "company.updated", handle, company.changesTo(name, description, data));
		});
		return this.companies.findByHandle(handle).orElseThrow();
	}

	public void delete(Caller caller, String handle) {
		this.policy.requireSystemAdmin(caller, "company.delete");
		Company company = this.companies.findByHandle(handle).orElseThrow(CompanyChanges::unknown);
		this.transactions.executeWithoutResult((status) -> {
			this.companies.delete(handle);
			record(caller, "company.deleted", handle, "name '" + company.name() + "'");
		});
	}

	private void record(Caller caller, String event, String handle, String what) {
		this.audit.record(AuditEntry.by(caller, event, what).inCompany(handle));
	}

	private static RestFailure unknown() {
		return RestFailure.notFound("company.unknown", "There is no such company");
	}
}
