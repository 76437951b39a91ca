package dev.latchkey.delivery.sms;

import java.net.URI;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends SMS with Twilio's official Java SDK. A client is built per send from the stored settings, so a change on
 * the settings page applies to the next message. Retry advice: throttling (429), server errors (5xx) and network
 * trouble are retried; a refused number or bad credentials are not.
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
            return SmsResult.failed(false, "Twilio is not configured");
        }
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(credentials.clientId(),
                credentials.clientSecret()).accountSid(credentials.clientId());
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
            return SmsResult.failed(retry, "Twilio refused the message: HTTP " + status
                    + (ex.getCode() == null ? "" : ", error " + ex.getCode()) + ": " + ex.getMessage());
        } catch (ApiConnectionException ex) {
            return SmsResult.failed(true, "Twilio could not be reached: " + ex.getMessage());
        } catch (TwilioException ex) {
            return SmsResult.failed(true, "Twilio error: " + ex.getMessage());
        }
    }
}
