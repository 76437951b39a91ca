package dev.latchkey.tokens;

/**
 * A token just made: {@code secret} is the only copy of the token there will ever be (the server keeps its hash), to be
 * shown once and never logged.
 */
public record IssuedToken(long id, String name, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + "]";
    }
}
