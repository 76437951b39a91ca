package dev.latchkey.users;

import java.util.List;

/** One page of the users directory. */
public record DirectoryPage(List<DirectoryRow> rows, int page, boolean hasNext) {}
