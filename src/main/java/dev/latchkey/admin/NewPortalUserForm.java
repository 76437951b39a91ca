package dev.latchkey.admin;

/** F-ADMIN-7: a portal user to create and invite: the site's slug, and the person as on a contact. */
record NewPortalUserForm(String site, String name, String email, String phone) {

    static NewPortalUserForm empty() {
        return new NewPortalUserForm(null, "", "", "");
    }

    ContactForm person() {
        return new ContactForm(name, email, phone);
    }

    /** The message key of the first thing wrong with the input, or null. */
    String problem() {
        String problem = person().problem();
        if (problem == null && !person().hasEmail()) {
            return "users.new.emailBlank";
        }
        return problem;
    }
}
