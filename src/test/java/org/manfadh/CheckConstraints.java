package org.manfadh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The closed sets a column's check constraint allows, read back from the migrated database
 * ({@code pg_get_constraintdef}), for tests that hold them against the enums the code maps the
 * column to: a value added to one and not the other fails the build, not a write in production.
 */
public final class CheckConstraints {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'::");

    private final JdbcClient jdbc;

    public CheckConstraints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values the one check constraint on this column alone allows ({@code in (...)} or {@code <@ array[...]}). */
    public Set<String> allowed(String table, String column) {
        List<String> definitions = jdbc.sql("""
                select pg_get_constraintdef(c.oid)
                  from pg_constraint c
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                 where c.conrelid = cast(:table as regclass) and c.contype = 'c'
                   and cardinality(c.conkey) = 1 and a.attname = :column
                   and pg_get_constraintdef(c.oid) like '%''::%'
                """).param("table", table).param("column", column).query(String.class).list();
        assertThat(definitions).as("the check constraints listing the values of %s.%s", table, column).hasSize(1);
        Set<String> values = new TreeSet<>();
        Matcher m = LITERAL.matcher(definitions.getFirst());
        while (m.find()) {
            values.add(m.group(1).replace("''", "'"));
        }
        return values;
    }

    /** Asserts the column allows exactly these enum constants, by name. */
    public void allowsExactly(String table, String column, Collection<? extends Enum<?>> constants) {
        Set<String> names = constants.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(allowed(table, column)).as("%s.%s", table, column).isEqualTo(names);
    }

    /** Asserts the column allows exactly the constants of the enum, by name. */
    public <E extends Enum<E>> void allowsExactly(String table, String column, Class<E> type) {
        allowsExactly(table, column, Arrays.asList(type.getEnumConstants()));
    }
}
