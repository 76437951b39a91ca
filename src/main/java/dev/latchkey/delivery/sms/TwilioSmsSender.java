package dev.latchkey.delivery.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends SMS with Twilio's official Java SDK. A client is built per send from the stored settings, so a change on the
 * settings page applies to the next message. Retry advice: throttling (429), server errors (5xx) and network trouble
 * are retried; a refused number or bad credentials are not.
 */
@Component
class TwilioSmsSender implements SmsSender {

    static final String TWILIO_API = "https://api.twilio.com";

    private final SmsSettings settings;
    private final URI apiBaseUrl;

    TwilioSmsSender(SmsSettings settings, @Value("${latchkey.sms.twilio.api-base-url:" + TWILIO_API + "}") URI base) {
        this.settings = settings;
        this.apiBaseUrl = base;
    }

    @Override
    public SmsResult send(String to, String body) {
        TwilioCredentials credentials = settings.twilio().orElse(null);
        if (credentials == null) {
            return SmsResult.failed(false, "Twilio is not configured", SmsProblem.NOT_CONFIGURED, null);
        }
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(
                        credentials.clientId(), credentials.clientSecret())
                .accountSid(credentials.clientId());
        if (!TWILIO_API.equals(apiBaseUrl.toString())) {
            builder.httpClient(new RebasedHttpClient(apiBaseUrl));
        }
        try {
            Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(credentials.fromNumber()), body)
                    .create(builder.build());
            return SmsResult.ok("Twilio accepted the message (" + message.getSid() + ")");
        } catch (ApiException ex) {
            int status = ex.getStatusCode() == null ? 0 : ex.getStatusCode();
            boolean retry = status == 429 || status >= 500 || status == 0;
            String code = "HTTP " + status + (ex.getCode() == null ? "" : ", Twilio error " + ex.getCode());
            return SmsResult.failed(
                    retry,
                    "Twilio refused the message: " + code + ": " + ex.getMessage(),
                    problem(status, ex.getCode()),
                    code);
        } catch (ApiConnectionException ex) {
            return SmsResult.failed(
                    true, "Twilio could not be reached: " + ex.getMessage(), SmsProblem.UNREACHABLE, null);
        } catch (TwilioException ex) {
            return SmsResult.failed(true, "Twilio error: " + ex.getMessage(), SmsProblem.OTHER, null);
        }
    }

    /** Twilio's status and error code as something an admin can act on (https://www.twilio.com/docs/api/errors). */
    static SmsProblem problem(int status, Integer code) {
        if (status == 429) {
            return SmsProblem.THROTTLED;
        }
        if (status >= 500 || status == 0) {
            return SmsProblem.PROVIDER;
        }
        if (status == 401 || status == 403 || Integer.valueOf(20003).equals(code)) {
            return SmsProblem.CREDENTIALS;
        }
        if (code == null) {
            return SmsProblem.OTHER;
        }
        return switch (code) {
            // invalid, unreachable, landline, blocked or opted-out recipients, and countries the account may not reach
            case 21211, 21214, 21217, 21219, 21401, 21407, 21408, 21421, 21610, 21612, 21614 -> SmsProblem.NUMBER;
            // the from number is invalid, not the account's, or may not send SMS
            case 21212, 21603, 21606, 21659, 21660 -> SmsProblem.SENDER;
            default -> SmsProblem.OTHER;
        };
    }
}
