package dev.latchkey.mfa;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The second-step methods, by the ids of docs/features.md and its stable hooks ({@code data-factor}). */
public enum FactorType {
    /** F-PASSKEY: first, so a user who has one is offered it first. */
    PASSKEY("passkey"),
    EMAIL("email"),
    SMS("sms"),
    TOTP("totp"),
    BACKUP("backup");

    private final String id;

    FactorType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FactorType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The types of {@code ids} (a site's allowed factors, say), leaving out any id that names none. */
    public static Set<FactorType> fromIds(Collection<String> ids) {
        return ids.stream().map(FactorType::fromId).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }
}
