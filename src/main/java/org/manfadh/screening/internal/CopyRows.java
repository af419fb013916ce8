package org.manfadh.screening.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into a table with {@code COPY ... FROM STDIN} in its text format, half a megabyte
 * at a time, so that an import of a million entries never sits in memory. (Border control has its
 * own copy of this helper; modules do not share internals.)
 */
final class CopyRows {

    private static final int FLUSH_AT = 1 << 19;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    static CopyRows into(CopyManager copyManager, String table, String columns) throws SQLException {
        return new CopyRows(copyManager.copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    CopyRows text(String value) {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyRows value(Object value) {
        return text(value == null ? null : value.toString());
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back anyway.
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
