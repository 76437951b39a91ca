package dev.latchkey.devices;

import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ReadableTime;

/**
 * One remembered browser as its user's Security page shows it. {@code handle} names it in the page's forms: random,
 * never the cookie's token or its hash. {@code current}: the browser reading the page is this one.
 */
public record RememberedBrowser(
        String handle,
        BrowserSummary browser,
        String ip,
        ReadableTime firstUsed,
        ReadableTime lastUsed,
        ReadableTime expires,
        boolean current) {}
