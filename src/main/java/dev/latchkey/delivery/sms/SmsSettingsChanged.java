package dev.latchkey.delivery.sms;

/** An admin changed the SMS settings. Carries no secret. */
public record SmsSettingsChanged(
        SmsProvider provider, String clientId, boolean secretChanged, String fromNumber, String actor) {}
