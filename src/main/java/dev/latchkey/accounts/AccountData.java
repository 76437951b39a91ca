package dev.latchkey.accounts;

import java.util.List;

/**
 * An account as the back office or an admin gives it, already checked for size and shape by the form or API request it
 * came from: number (up to 30 characters, unique), name (up to 200), kind, the back office's own id (up to 100
 * characters, unique; null for none) and the complete list of contracts (each number unique over all accounts; type up
 * to 60 characters, status up to 20).
 */
public record AccountData(
        String number, String name, AccountKind kind, String externalId, List<AccountView.ContractView> contracts) {

    public AccountData {
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }
}
