package dev.latchkey.shared;

import dev.latchkey.shared.ProductionSettings.MissingSettingsException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSettingsException} into one message that names every missing setting and the demo switch. */
final class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String missing = cause.missing().stream()
                .map(s -> "  " + s.property() + " (" + s.variable() + "): " + s.meaning())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "Latchkey is not the demo here, and these production settings are missing:\n" + missing,
                "Set them (see README, \"Run in production\"), or start the demo instead with"
                        + " --spring.profiles.active=demo (never in production: it loads users with a published"
                        + " password).",
                cause);
    }
}
