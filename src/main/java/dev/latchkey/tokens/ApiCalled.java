package dev.latchkey.tokens;

import dev.latchkey.shared.web.ClientInfo;

/**
 * An authenticated API call ended: the token's name, the method, the path (without the query) and the status answered.
 */
public record ApiCalled(long tokenId, String tokenName, String method, String path, int status, ClientInfo client) {}
