package dev.latchkey.sites;

/** An update of a site's policy based on a version that is no longer the current one: someone else saved first. */
public class StalePolicyException extends RuntimeException {

    public StalePolicyException() {
        super("the site's policy changed since it was read");
    }
}
