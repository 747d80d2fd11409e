package com.gatehouse.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import com.gatehouse.permission.Caller;
import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;
import com.gatehouse.user.UserAccess;
import com.gatehouse.user.UserChanges;

/**
 * Deleting a user from its edit screen, confirmed first: the user is found as the edit screen finds
 * it ({@link UserAccess}: 404 unseen, 403 above the admin) and deleted by {@link UserChanges}, as
 * for {@code type: "user"}, so the same rules refuse (409) deleting one's own account or the last
 * enabled System-Admin. The user's keys and sessions go with it.
 */
@Controller
final class UserDeletion {

	private final UserAccess access;

	private final UserChanges changes;

	UserDeletion(UserAccess access, UserChanges changes) {
		this.access = access;
		this.changes = changes;
	}

	@GetMapping("/admin/users/{id}/delete")
	ModelAndView confirm(@PathVariable long id) {
		return confirmation(this.access.manageable(Caller.current(), id).subject()).page();
	}

	@PostMapping("/admin/users/{id}/delete")
	ModelAndView delete(@PathVariable long id) {
		Manageable<User> user = this.access.manageable(Caller.current(), id);
		return confirmation(user.subject()).submit(() -> {
			this.changes.delete(user);
			return new ModelAndView("redirect:/admin/users?done=deleted");
		});
	}

	private static DeleteConfirmation confirmation(User user) {
		return new DeleteConfirmation("Delete user " + user.login(),
				"The user can no longer sign in; their tokens stop working and their sessions end at once."
						+ " The audit trail keeps their events. This cannot be undone.",
				"/admin/users/" + user.id() + "/delete", "/admin/users/" + user.id(), "users");
	}
}
