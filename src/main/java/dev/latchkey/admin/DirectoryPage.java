package dev.latchkey.admin;

import java.util.List;

/** One page of the users directory. */
record DirectoryPage(List<DirectoryRow> rows, int page, boolean hasNext) {}
