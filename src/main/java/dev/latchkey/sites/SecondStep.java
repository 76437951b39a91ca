package dev.latchkey.sites;

import java.time.Duration;
import java.util.Set;

/**
 * What the policy says about one login: whether a second factor is required, which factors the realm allows, and how
 * long an email or SMS code lives.
 */
public record SecondStep(boolean required, Set<String> allowedFactors, Duration codeTtl) {}
