package dev.latchkey.api.users;

import java.util.List;

/**
 * One page of a list resource: its items and the cursor of the next page ({@code next}, null on the last page of a
 * list; the audit feed always has one). Stands in for the shared {@code ApiPage} of the API contract until that exists.
 */
public record ItemPage<T>(List<T> items, String next) {}
