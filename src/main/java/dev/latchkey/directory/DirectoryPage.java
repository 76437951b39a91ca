package dev.latchkey.directory;

import java.util.List;

/** One numbered page of the users directory (the admin's Users page). */
public record DirectoryPage(List<DirectoryRow> rows, int page, boolean hasNext) {}
