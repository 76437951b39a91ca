package dev.latchkey.delivery.sms;

/** Who delivers SMS. */
public enum SmsProvider {
    /** SMS is not configured: the SMS factor is not offered. */
    NONE,
    /** Demo run only: messages go to the dev inbox. Counts as configured. */
    DEV_INBOX,
    /** Twilio's API, with the stored account, secret and from number. */
    TWILIO
}
