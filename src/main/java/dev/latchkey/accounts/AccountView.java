package dev.latchkey.accounts;

import java.util.List;

/**
 * An account with its contracts, as the portal shows it. {@code externalId} is the back office's own id (or null);
 * {@code version} grows with every change (the API's ETag).
 */
public record AccountView(
        long id,
        String number,
        String name,
        AccountKind kind,
        List<ContractView> contracts,
        String externalId,
        long version) {

    public AccountView(long id, String number, String name, AccountKind kind, List<ContractView> contracts) {
        this(id, number, name, kind, contracts, null, 0);
    }

    /** One contract: number, type, status (F-PORTAL-1). */
    public record ContractView(String number, String type, String status) {}
}
