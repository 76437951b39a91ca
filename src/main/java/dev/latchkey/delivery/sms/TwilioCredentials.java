package dev.latchkey.delivery.sms;

/** Decrypted Twilio credentials, for the sender only. {@link #toString()} never shows the secret. */
record TwilioCredentials(String clientId, String clientSecret, String fromNumber) {

    @Override
    public String toString() {
        return "TwilioCredentials[" + clientId + ", secret hidden, " + fromNumber + "]";
    }
}
