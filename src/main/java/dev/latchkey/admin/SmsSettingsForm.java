package dev.latchkey.admin;

/** The SMS settings form. {@code clientSecret} is write-only: blank keeps the stored secret. */
record SmsSettingsForm(String provider, String clientId, String clientSecret, String fromNumber) {

    @Override
    public String toString() {
        return "SmsSettingsForm[" + provider + ", " + clientId + ", secret hidden, " + fromNumber + "]";
    }
}
