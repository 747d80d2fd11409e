package com.gatehouse.company;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.gatehouse.permission.Caller;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.RestReply;
import com.gatehouse.rest.RestRequest;
import com.gatehouse.rest.Rows;
import com.gatehouse.rest.TypeHandler;
import com.gatehouse.rest.ValuesReader;
import com.gatehouse.rest.Verb;

/**
 * {@code type: "company"}: the request read into scope and values, and the rules and changes of
 * {@link CompanyChanges}, which the admin console uses too. Replies are objects keyed by the
 * company's id.
 */
@Component
final class CompanyHandler implements TypeHandler {

	private final CompanyChanges changes;

	private final ValuesReader reader;

	CompanyHandler(CompanyChanges changes, ValuesReader reader) {
		this.changes = changes;
		this.reader = reader;
	}

	@Override
	public String type() {
		return "company";
	}

	@Override
	public Object handle(Verb verb, RestRequest request) {
		Caller caller = Caller.current();
		return switch (verb) {
			case CREATE -> reply(List.of(this.changes.create(caller,
					this.reader.readForCreate(request.values(), CompanyValues.class))), request);
			case READ -> reply(this.changes.readable(caller, this.reader.read(request.scope(), CompanyScope.class).company()),
					request);
			case UPDATE -> {
				String handle = named(request);
				yield reply(List.of(this.changes.update(caller, handle,
						this.reader.read(request.values(), CompanyValues.class))), request);
			}
			case DELETE -> {
				this.changes.delete(caller, named(request));
				yield RestReply.success();
			}
		};
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
}
