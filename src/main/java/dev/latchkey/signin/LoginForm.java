package dev.latchkey.signin;

/** The password step's input. */
record LoginForm(String username, String password) {

    static final int MAX_USERNAME = 320;
    static final int MAX_PASSWORD = 1024;

    boolean blank() {
        return username == null || username.isBlank() || password == null || password.isEmpty();
    }

    boolean oversized() {
        return username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD;
    }

    /** No email address holds control or format characters (NUL, bidi overrides, …). */
    boolean malformed() {
        return username.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
