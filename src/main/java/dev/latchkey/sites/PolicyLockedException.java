package dev.latchkey.sites;

/** Thrown when someone tries to weaken MFA while {@code latchkey.mfa.always-on} locks it. */
public class PolicyLockedException extends RuntimeException {

    public PolicyLockedException() {
        super("MFA is locked on by latchkey.mfa.always-on");
    }
}
