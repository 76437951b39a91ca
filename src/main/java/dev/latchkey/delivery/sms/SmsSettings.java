package dev.latchkey.delivery.sms;

import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.shared.SettingsStore;
import dev.latchkey.shared.crypto.SecretCipher;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System-wide SMS settings (F-ADMIN-4), in the database so every node sees a change at once. The Twilio secret is
 * write-only: it is stored AES-GCM encrypted and never returned to a page.
 */
@Service
public class SmsSettings {

    static final String PROVIDER = "sms.provider";
    static final String CLIENT_ID = "sms.twilio.client-id";
    static final String CLIENT_SECRET = "sms.twilio.client-secret";
    static final String FROM = "sms.twilio.from";
    static final String SECRET_PURPOSE = "twilio-secret";

    private static final Pattern CLIENT_ID_SHAPE = Pattern.compile("[A-Za-z0-9]{10,64}");

    private final SettingsStore store;
    private final SecretCipher cipher;
    private final LatchkeyProperties properties;
    private final ApplicationEventPublisher events;

    SmsSettings(
            SettingsStore store, SecretCipher cipher, LatchkeyProperties properties, ApplicationEventPublisher events) {
        this.store = store;
        this.cipher = cipher;
        this.properties = properties;
        this.events = events;
    }

    /** The provider in force: what the admin chose, or in the demo run the dev inbox until they chose. */
    public SmsProvider provider() {
        SmsProvider chosen = store.get(PROVIDER)
                .map(SmsProvider::valueOf)
                .orElse(properties.demo() ? SmsProvider.DEV_INBOX : SmsProvider.NONE);
        if (chosen == SmsProvider.DEV_INBOX && !properties.demo()) {
            return SmsProvider.NONE;
        }
        return chosen == SmsProvider.TWILIO && twilio().isEmpty() ? SmsProvider.NONE : chosen;
    }

    /** Whether SMS can be sent at all (F-LOGIN-3: the SMS factor is offered only then). */
    public boolean configured() {
        return provider() != SmsProvider.NONE;
    }

    public SmsSettingsView view() {
        return new SmsSettingsView(
                provider(),
                store.get(CLIENT_ID).orElse(""),
                store.get(CLIENT_SECRET).isPresent(),
                store.get(FROM).orElse(""));
    }

    /** Whether the demo's dev inbox may be chosen as the provider. */
    public boolean devInboxAvailable() {
        return properties.demo();
    }

    /**
     * Stores the settings. A blank {@code clientSecret} keeps the stored one. Arguments are checked by the caller's
     * form; this checks the rules that keep the settings consistent.
     */
    @Transactional
    public void save(SmsProvider provider, String clientId, String clientSecret, String fromNumber, String actor) {
        if (provider == SmsProvider.DEV_INBOX && !properties.demo()) {
            throw new IllegalArgumentException("The dev inbox exists only in the demo run");
        }
        boolean secretChanged = clientSecret != null && !clientSecret.isBlank();
        if (provider == SmsProvider.TWILIO) {
            if (!CLIENT_ID_SHAPE.matcher(clientId).matches()
                    || fromNumber.isBlank()
                    || (!secretChanged && store.get(CLIENT_SECRET).isEmpty())) {
                throw new IllegalArgumentException("Twilio needs a client id, a client secret and a from number");
            }
        }
        store.put(PROVIDER, provider.name());
        store.put(CLIENT_ID, clientId.trim());
        store.put(FROM, fromNumber.trim());
        if (secretChanged) {
            store.put(CLIENT_SECRET, cipher.encrypt(SECRET_PURPOSE, clientSecret.trim()));
        }
        events.publishEvent(new SmsSettingsChanged(provider, clientId.trim(), secretChanged, fromNumber.trim(), actor));
    }

    static boolean clientIdShaped(String clientId) {
        return clientId != null && CLIENT_ID_SHAPE.matcher(clientId).matches();
    }

    /** The Twilio credentials, when complete. */
    Optional<TwilioCredentials> twilio() {
        Optional<String> id = store.get(CLIENT_ID).filter(s -> !s.isBlank());
        Optional<String> secret = store.get(CLIENT_SECRET);
        Optional<String> from = store.get(FROM).filter(s -> !s.isBlank());
        if (id.isEmpty() || secret.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwilioCredentials(id.get(), cipher.decrypt(SECRET_PURPOSE, secret.get()), from.get()));
    }
}
