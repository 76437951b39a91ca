package dev.latchkey.directory;

import java.util.List;

/** A keyset page of the users directory: its rows in id order, and whether more follow the last one. */
public record DirectorySlice(List<DirectoryRow> rows, boolean hasMore) {

    /** The id to continue after, or null when this is the last slice. */
    public Long lastId() {
        return hasMore && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null;
    }
}
