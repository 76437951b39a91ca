package dev.latchkey.mfa.totp;

/**
 * What an enrolment page shows: the secret as a manual key (grouped in fours for reading), the {@code otpauth://} URI
 * and the same URI as a QR code PNG, base64 encoded.
 */
public record Enrolment(String manualKey, String otpauthUri, String qrPngBase64) {

    @Override
    public String toString() {
        return "Enrolment[…]";
    }
}
