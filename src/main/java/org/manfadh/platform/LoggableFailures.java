package org.manfadh.platform;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;

/**
 * A failure as it may be written to a log. A database error quotes the values it stumbled on — a
 * duplicate key's document or visa number, a check constraint's row — in its message and in the
 * message of every exception that wraps it. A log is read by more people than the register, so a
 * failure whose chain holds a database error is logged with each exception's kind and stack, the
 * SQL state, and the schema, table and constraint (names, never values); its messages are left out.
 * A failure without a database error is logged as it is.
 */
public final class LoggableFailures {

    private LoggableFailures() {
    }

    /** The failure itself, or a copy of its chain without the messages when a database error is in it. */
    public static Throwable of(Throwable failure) {
        if (failure == null || !fromDatabase(failure)) {
            return failure;
        }
        return redacted(failure, 0);
    }

    private static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable redacted(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || t.getCause() == t || depth > 20 ? null
                : redacted(t.getCause(), depth + 1);
        Redacted copy = new Redacted(t.getClass().getName() + describe(t), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** What a database error may say in a log: its state and the names of what it concerns. */
    private static String describe(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (SQL state ").append(sql.getSQLState());
        if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server.getTable() != null) {
                s.append(", table ").append(server.getSchema()).append('.').append(server.getTable());
            }
            if (server.getConstraint() != null) {
                s.append(", constraint ").append(server.getConstraint());
            }
        }
        return s.append(')').toString();
    }

    /** An exception of the original chain, named by its class, its message left out. */
    static final class Redacted extends RuntimeException {

        Redacted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
