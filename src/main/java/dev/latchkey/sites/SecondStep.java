package dev.latchkey.sites;

import java.time.Duration;
import java.util.Set;

/**
 * What the policy says about one login: whether a second factor is required, which factors the realm allows, how long
 * an email or SMS code lives, whether only a phishing-resistant factor (a passkey) will do (F-ASSURANCE), and how long
 * a browser may be remembered after the second factor (F-DEVICE; null: not at all).
 */
public record SecondStep(
        boolean required,
        Set<String> allowedFactors,
        Duration codeTtl,
        boolean phishingResistant,
        Duration rememberFor) {}
