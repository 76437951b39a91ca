/**
 * Infrastructure every other module may use, with no business rules and no dependency on any other module: the
 * {@link java.time.Clock}, the {@code latchkey.*} properties ({@link dev.latchkey.shared.LatchkeyProperties}), the
 * system settings store ({@link dev.latchkey.shared.SettingsStore}), and the retention purges (F-OPS-4): each module
 * implements {@link dev.latchkey.shared.RetentionPurge} for its own tables with {@link dev.latchkey.shared.Purges} and
 * {@link dev.latchkey.shared.RetentionProperties}; {@link dev.latchkey.shared.RetentionSchedule} runs them all.
 *
 * <p>Two named interfaces: {@code shared::crypto} (secret encryption) and {@code shared::web} (web plumbing). The
 * module is closed, not open: the production-settings check, the configuration classes and the web filters and advice
 * stay internal, and Spring Modulith keeps it in its cycle check, so it can never come to depend on a business module.
 */
@ApplicationModule(allowedDependencies = {})
package dev.latchkey.shared;

import org.springframework.modulith.ApplicationModule;
