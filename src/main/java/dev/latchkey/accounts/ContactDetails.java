package dev.latchkey.accounts;

/**
 * What an admin enters for a contact person, already checked for size and shape by the form it came from.
 *
 * @param name 1 to 120 characters
 * @param email an email address, or null
 * @param phone the phone number as typed (up to 40 characters), or null; it is kept as typed
 */
public record ContactDetails(String name, String email, String phone) {

    public ContactDetails {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact person needs a name");
        }
        name = name.strip();
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }
}
