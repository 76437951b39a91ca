package dev.latchkey.delivery.sms;

/** The SMS settings as the admin page shows them: never the secret, only whether one is stored. */
public record SmsSettingsView(SmsProvider provider, String clientId, boolean secretStored, String fromNumber) {}
