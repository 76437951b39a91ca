package dev.latchkey.delivery.sms;

/** Sends one SMS; the outcome says whether it was taken and, if not, whether a retry makes sense. */
public interface SmsSender {

    SmsResult send(String to, String body);

    /** What the provider said: accepted, or refused with a reason and whether to retry. */
    record SmsResult(boolean accepted, boolean retryable, String detail) {

        static SmsResult ok(String detail) {
            return new SmsResult(true, false, detail);
        }

        static SmsResult failed(boolean retryable, String detail) {
            return new SmsResult(false, retryable, detail);
        }
    }
}
