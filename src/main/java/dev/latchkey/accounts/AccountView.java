package dev.latchkey.accounts;

import java.util.List;

/** An account with its contracts, as the portal shows it. */
public record AccountView(long id, String number, String name, AccountKind kind, List<ContractView> contracts) {

    /** One contract: number, type, status (F-PORTAL-1). */
    public record ContractView(String number, String type, String status) {}
}
