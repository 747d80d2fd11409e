package com.gatehouse.company;

import java.util.List;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.AccessPolicy;
import com.gatehouse.permission.Caller;

/**
 * The ids of the companies a caller may act in, as {@code user.companies} tells public clients
 * (rest-api.md §5): every company for a System-Admin, else the caller's home company.
 */
@Component
public final class ActingCompanies {

	private final CompanyRepository companies;

	private final AccessPolicy policy;

	ActingCompanies(CompanyRepository companies, AccessPolicy policy) {
		this.companies = companies;
		this.policy = policy;
	}

	public List<String> of(Caller caller) {
		return this.policy.actsInEveryCompany(caller) ? this.companies.handles() : List.of(caller.home());
	}
}
