package dev.latchkey.signin;

import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ClientInfo;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where and when a session signed in, kept in the session for the user's list of their sessions (F-ACCOUNT-4). Only the
 * address and Latchkey's own summary of the browser are kept, never the {@code User-Agent} header itself: the session
 * is a database row that every request reads, so it stays small.
 */
record SessionClient(String ip, String browser, String system, Instant signedInAt) implements Serializable {

    static final String ATTRIBUTE = SessionClient.class.getName();

    static SessionClient of(ClientInfo client, Instant signedInAt) {
        BrowserSummary summary = BrowserSummary.of(client.userAgent());
        return new SessionClient(client.ip(), summary.browser(), summary.system(), signedInAt);
    }

    BrowserSummary summary() {
        return new BrowserSummary(browser, system);
    }
}
