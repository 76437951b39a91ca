package dev.latchkey.signin;

/** The code step's input: at most a few characters, checked before any look-up. */
record CodeForm(String code) {

    static final int MAX_LENGTH = 32;

    boolean oversized() {
        return code != null && code.length() > MAX_LENGTH;
    }
}
