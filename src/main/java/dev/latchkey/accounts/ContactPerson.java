package dev.latchkey.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("contact_person")
record ContactPerson(
        @Id Long id,
        long accountId,
        String name,
        String email,
        String phone,
        Long portalUserId,
        String externalId,
        long version) {}
