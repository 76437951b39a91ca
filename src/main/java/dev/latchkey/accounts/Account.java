package dev.latchkey.accounts;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("account")
record Account(
        @Id Long id,
        String number,
        String name,
        AccountKind kind,
        String externalId,
        long version,
        @MappedCollection(idColumn = "account_id") Set<Contract> contracts) {}
