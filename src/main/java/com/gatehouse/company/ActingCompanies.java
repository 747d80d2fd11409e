package com.gatehouse.company;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.gatehouse.authcache.AuthCache;
import com.gatehouse.authcache.AuthCaches;
import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;

/**
 * The ids of the companies a caller may act in, as {@code user.companies} tells public clients
 * (rest-api.md §5): every company for a System-Admin, else the caller's home company. Every
 * company's handle is kept in the authentication-path cache, so that a System-Admin's "who am I"
 * reads no table; adding or removing a company drops it on every instance ({@link CompanyRepository}).
 */
@Component
public final class ActingCompanies {

	/** The cache's one key: the list is the same for every System-Admin. */
	private static final String EVERY_COMPANY = "every";

	private final CompanyRepository companies;

	private final AccessPolicy policy;

	private final AuthCache<String, List<String>> handles;

	ActingCompanies(CompanyRepository companies, AccessPolicy policy, AuthCaches caches) {
		this.companies = companies;
		this.policy = policy;
		this.handles = caches.create("company-handles", (change, every, handles) -> change.affectsCompanies());
	}

	public List<String> of(Caller caller) {
		return this.policy.actsInEveryCompany(caller) ? everyCompany() : List.of(caller.home());
	}

	private List<String> everyCompany() {
		return Objects.requireNonNull(this.handles.get(EVERY_COMPANY, (every) -> List.copyOf(this.companies.handles())));
	}
}
