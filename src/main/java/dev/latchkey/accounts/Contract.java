package dev.latchkey.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("contract")
record Contract(@Id Long id, String number, String kind, String status) {}
