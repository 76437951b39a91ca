package dev.latchkey.admin;

import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an admin goes after an action on a user (F-ADMIN-3): back to the page of that user, or back to the Users list
 * with the filters they had. Only these two places, built here from checked values: a request can never send the admin
 * anywhere else.
 */
record UsersReturn(boolean userPage, UsersFilter filter) {

    /** The value of the {@code back} field that returns to the page of the user. */
    static final String USER_PAGE = "user";

    /** The hidden fields an action's form carries, so the action comes back here. */
    public Map<String, String> fields() {
        return userPage ? Map.of("back", USER_PAGE) : filter.parameters();
    }

    /** Where the confirmation page of an action links back to (Cancel). */
    public String href(long userId) {
        return userPage ? "/admin/users/" + userId : UsersFilter.href("/admin/users", filter.parameters());
    }

    /** The confirmation page of "Delete 2FA setup", which comes back here too. */
    public String deleteHref(long userId) {
        return UsersFilter.href("/admin/users/" + userId + "/delete-2fa", fields());
    }

    /** The redirect after the action; the list's filters go as query parameters, which Spring encodes. */
    String redirect(long userId, RedirectAttributes redirect) {
        if (userPage) {
            return "redirect:/admin/users/" + userId;
        }
        filter.parameters().forEach(redirect::addAttribute);
        return "redirect:/admin/users";
    }
}
