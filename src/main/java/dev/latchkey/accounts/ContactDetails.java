package dev.latchkey.accounts;

/**
 * What an admin enters for a contact person, already checked for size and shape by the form it came from.
 *
 * @param name 1 to 120 characters
 * @param email an email address, or null
 * @param phone the phone number as typed (up to 40 characters), or null; it is kept as typed
 */
public record ContactDetails(String name, String email, String phone) {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_PHONE = 40;

    /**
     * The shape of an email address a contact may have: that of HTML's {@code type=email}, with at least one dot in the
     * domain; ASCII only, as SMTP needs. The admin form and the API check it with this one pattern.
     */
    public static final String EMAIL_PATTERN = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

    public ContactDetails {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact person needs a name");
        }
        name = name.strip();
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }
}
