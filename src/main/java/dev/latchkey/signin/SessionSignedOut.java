package dev.latchkey.signin;

import dev.latchkey.shared.web.ClientInfo;

/**
 * A user signed one of their sessions out from their Security page (F-ACCOUNT-4). {@code client} is where the request
 * came from; {@code ended} describes the session that ended, in Latchkey's own words (browser summary, address, sign-in
 * time), never a session id.
 */
public record SessionSignedOut(String realm, long userId, String username, ClientInfo client, String ended) {}
