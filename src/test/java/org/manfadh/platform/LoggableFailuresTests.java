package org.manfadh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;

class LoggableFailuresTests {

    /** A duplicate key as PostgreSQL reports it, quoting the visa number it met twice. */
    private static PSQLException duplicateVisa() {
        return new PSQLException(new ServerErrorMessage("SERROR\0C23505\0"
                + "Mduplicate key value violates unique constraint \"visa_issuing_authority_type_number_key\"\0"
                + "DKey (issuing_authority, type, number)=(FEDERAL, VISIT_VISA, VX4471902) already exists.\0"
                + "sbordercontrol\0tvisa\0nvisa_issuing_authority_type_number_key\0"));
    }

    private static String logged(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void leavesOutEveryMessageOfAChainHoldingADatabaseError() {
        RuntimeException failure = new IllegalStateException("Recording failed for VX4471902",
                new DataIntegrityViolationException("PreparedStatementCallback; ERROR: duplicate key "
                        + "Detail: Key (number)=(VX4471902)", duplicateVisa()));

        String log = logged(LoggableFailures.of(failure));

        assertThat(log).doesNotContain("VX4471902").doesNotContain("duplicate key")
                .contains("java.lang.IllegalStateException", "DataIntegrityViolationException",
                        "SQL state 23505", "table bordercontrol.visa",
                        "constraint visa_issuing_authority_type_number_key")
                .contains("LoggableFailuresTests.leavesOutEveryMessageOfAChainHoldingADatabaseError");
    }

    @Test
    void keepsTheStateOfAPlainSqlErrorAndAFailureWithoutOneAsItIs() {
        RuntimeException plain = new IllegalStateException("wrapped", new SQLException("value 12345678 too long", "22001"));
        RuntimeException unrelated = new IllegalArgumentException("A rule permits at least one day: 0");

        assertThat(logged(LoggableFailures.of(plain))).doesNotContain("12345678").contains("SQL state 22001");
        assertThat(LoggableFailures.of(unrelated)).isSameAs(unrelated);
        assertThat(LoggableFailures.of(null)).isNull();
    }
}
