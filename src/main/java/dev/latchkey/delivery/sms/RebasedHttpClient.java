package dev.latchkey.delivery.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;

/**
 * Twilio's HTTP client with another base URL ({@code latchkey.sms.twilio.api-base-url}): a regional edge, a proxy, or a
 * test double. The SDK has no base-URL option, so each request is copied onto the new scheme, host and port, keeping
 * the path, parameters, headers and credentials.
 */
final class RebasedHttpClient extends NetworkHttpClient {

    private final URI base;

    RebasedHttpClient(URI base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.getUrl());
        String url = base.getScheme() + "://" + base.getRawAuthority() + stripSlash(base.getRawPath())
                + original.getRawPath();
        Request copy = new Request(request.getMethod(), url);
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        }
        if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copy.setContentType(request.getContentType());
        if (request.getBody() != null) {
            copy.setBody(request.getBody());
        }
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
        return super.makeRequest(copy);
    }

    private static String stripSlash(String path) {
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }
}
