package dev.latchkey.delivery.sms;

/** Sends one SMS; the outcome says whether it was taken and, if not, whether a retry makes sense. */
public interface SmsSender {

    SmsResult send(String to, String body);

    /**
     * What the provider said: accepted, or refused with a reason and whether to retry. {@code detail} is the provider's
     * full answer, for the admin who sends a test SMS; {@code problem} and {@code providerCode} (such as {@code HTTP
     * 400, Twilio error 21211}) are the safe summary of a refusal that may be stored and shown later.
     */
    record SmsResult(boolean accepted, boolean retryable, String detail, SmsProblem problem, String providerCode) {

        static SmsResult ok(String detail) {
            return new SmsResult(true, false, detail, null, null);
        }

        static SmsResult failed(boolean retryable, String detail, SmsProblem problem, String providerCode) {
            return new SmsResult(false, retryable, detail, problem, providerCode);
        }
    }
}
