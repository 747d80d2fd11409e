package com.gatehouse.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.authkey.AuthKey;
import com.gatehouse.authkey.AuthKeyProperties;
import com.gatehouse.authkey.AuthKeys;
import com.gatehouse.authkey.ChangeKey;
import com.gatehouse.authkey.IssueKey;
import com.gatehouse.authkey.IssuedKey;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;

/**
 * Token Management, for any page that shows one user's tokens: the user edit screen, and the
 * signed-in user's own account. The page puts {@link #rows} in its model and includes the
 * {@code console/tokens :: section(tokens, base)} fragment; its controller maps five thin handlers
 * under {@code base} ({@code POST base}, {@code GET|POST base/{key}/revoke},
 * {@code GET|POST base/{key}/rotate}) onto the methods here, passing the user as the page found it
 * manageable (so the decision is taken once, by that lookup). Everything goes through
 * {@link AuthKeys}, with the REST API's rules; a key that is not the user's answers 404.
 */
@Component
final class TokenManagement {

	/** Where a failure of a key change belongs on the add form, by its code. */
	private static final Map<String, String> FIELD_BY_CODE = Map.of("authinfo.expiry_invalid", "tokenExpires",
			"authinfo.expiry_required", "tokenExpires", "authinfo.restrict_too_wide", "tokenReadOnly");

	private final AuthKeys keys;

	private final ConsoleForms forms;

	private final ExpiryField expiryField;

	TokenManagement(AuthKeys keys, ConsoleForms forms, AuthKeyProperties policy) {
		this.keys = keys;
		this.forms = forms;
		this.expiryField = ExpiryField.of(policy);
	}

	/**
	 * The user's tokens as the section lists them: those stored (working or expired), then the
	 * revoked ones; with what the add form's expiry field says.
	 */
	Tokens rows(Manageable<User> owner) {
		return new Tokens(Stream.concat(this.keys.of(owner).stream().map(this::row),
				this.keys.revokedOf(owner).stream().map(TokenRow::of))
			.toList(), this.expiryField);
	}

	/**
	 * Adds a token for the owner and shows its value this once; when the form is wrong, answers
	 * {@code hostPage} (the page holding the section) with the errors and the form.
	 */
	ModelAndView add(CallerAuthentication authentication, Manageable<User> owner, TokenForm form, String base,
			BiFunction<TokenForm, FormErrors, ModelAndView> hostPage) {
		FormErrors errors = new FormErrors();
		Instant expires = null;
		if (form.expires() != null && !form.expires().isBlank()) {
			try {
				expires = LocalDate.parse(form.expires().strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeException unreadable) {
				errors.field("tokenExpires", "Give the date as YYYY-MM-DD");
			}
		}
		IssueKey command = IssueKey.generated(UsersController.given(form.name()), expires,
				Boolean.TRUE.equals(form.readOnly()));
		this.forms.check(command).renamedInto(errors, "token");
		if (!errors.isEmpty()) {
			return withStatus(hostPage.apply(form, errors), HttpStatus.BAD_REQUEST);
		}
		return ConsoleForms.submit(() -> issuedPage(this.keys.issue(authentication, owner, command), "added", base),
				ConsoleForms.byCode(FIELD_BY_CODE), (failed, status) -> hostPage.apply(form, failed));
	}

	/** The confirmation step of {@code action} ("revoke" or "rotate") on the owner's key {@code keyId}. */
	ModelAndView confirm(Manageable<User> owner, long keyId, String action, String base) {
		return new ModelAndView("console/token-confirm").addObject("token", row(this.keys.keyOf(owner, keyId).subject()))
			.addObject("action", action)
			.addObject("base", base)
			.addObject("back", back(base));
	}

	ModelAndView revoke(Manageable<User> owner, long keyId, String back) {
		this.keys.revoke(this.keys.keyOf(owner, keyId));
		return new ModelAndView("redirect:" + back + "?done=revoked#tokens");
	}

	ModelAndView rotate(CallerAuthentication authentication, Manageable<User> owner, long keyId, String base) {
		return issuedPage(this.keys.update(authentication, this.keys.keyOf(owner, keyId), ChangeKey.rotation()),
				"rotated", base);
	}

	private static ModelAndView issuedPage(IssuedKey issued, String how, String base) {
		return new ModelAndView("console/token-issued").addObject("value", issued.value())
			.addObject("how", how)
			.addObject("back", back(base));
	}

	/** The page holding the section: base without its last segment ("/admin/users/7/tokens" → "/admin/users/7"). */
	private static String back(String base) {
		return base.substring(0, base.lastIndexOf('/'));
	}

	private TokenRow row(AuthKey key) {
		return TokenRow.of(key, this.keys.isExpired(key));
	}

	private static ModelAndView withStatus(ModelAndView page, HttpStatus status) {
		page.setStatus(status);
		return page;
	}

	/** The rows of the section, and the add form's expiry field. */
	record Tokens(List<TokenRow> rows, ExpiryField expiryField) {

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}
	}

	/** The add form as submitted: an optional name, expiry date (UTC) and read-only restriction (unticked: null). */
	record TokenForm(@Nullable String name, @Nullable String expires, @Nullable Boolean readOnly) {

		static TokenForm empty() {
			return new TokenForm("", "", false);
		}
	}
}
