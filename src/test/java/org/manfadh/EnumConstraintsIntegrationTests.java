package org.manfadh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.GroupKind;
import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.CountryKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The closed sets the code holds as enums and the database holds as check constraints say the
 * same: a value added to one and not the other fails here, not at a border post.
 */
@ManfadhIntegrationTest
class EnumConstraintsIntegrationTests {

    /** A column's constraint {@code col = ANY (ARRAY['A'::text, 'B'::text])}, as PostgreSQL renders it. */
    private static final Pattern IN_LIST = Pattern.compile("\\(\\(?(\\w+)\\)?(?:::text)? = ANY \\(\\(?ARRAY\\[([^\\]]*)\\]");
    private static final Pattern VALUE = Pattern.compile("'([^']*)'");

    /** Every constrained column whose values are an enum of the code, by {@code schema.table.column}. */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("bordercontrol.travel_document.link_basis", LinkBasis.class),
            Map.entry("bordercontrol.crossing_group.direction", Direction.class),
            Map.entry("bordercontrol.crossing_group.kind", GroupKind.class),
            Map.entry("bordercontrol.visa.type", VisaType.class),
            Map.entry("bordercontrol.visa.issuing_authority", Authority.class),
            Map.entry("bordercontrol.stay_rule.visa_type", VisaType.class),
            Map.entry("bordercontrol.crossing.authority", Authority.class),
            Map.entry("bordercontrol.crossing.direction", Direction.class),
            Map.entry("bordercontrol.crossing.purpose", Purpose.class),
            Map.entry("bordercontrol.crossing.transport_mode", TransportMode.class),
            Map.entry("bordercontrol.decision.decision", Decision.class),
            Map.entry("bordercontrol.crossing_amendment.direction", Direction.class),
            Map.entry("referencedata.country.kind", CountryKind.class),
            Map.entry("referencedata.governorate.authority", Authority.class),
            Map.entry("referencedata.border_point.type", BorderPointType.class),
            Map.entry("referencedata.border_point.authority", Authority.class),
            Map.entry("referencedata.border_point.status", BorderPointStatus.class));

    @Autowired
    JdbcClient jdbc;

    @Test
    void allowsExactlyTheValuesOfEachEnum() {
        Map<String, Set<String>> constrained = constrainedColumns();
        for (var entry : ENUMS.entrySet()) {
            assertThat(constrained).as("a check constraint on %s", entry.getKey()).containsKey(entry.getKey());
            Set<String> names = new TreeSet<>(Arrays.stream(entry.getValue().getEnumConstants()).map(Enum::name).toList());
            assertThat(constrained.get(entry.getKey())).as("%s against %s", entry.getKey(), entry.getValue().getSimpleName())
                    .isEqualTo(names);
        }
    }

    /** Every column of a migrated table with a check constraint listing its allowed values. */
    private Map<String, Set<String>> constrainedColumns() {
        List<String[]> rows = jdbc.sql("""
                select n.nspname || '.' || t.relname, pg_get_constraintdef(c.oid)
                  from pg_constraint c
                  join pg_class t on t.oid = c.conrelid
                  join pg_namespace n on n.oid = t.relnamespace
                 where c.contype = 'c' and n.nspname not in ('pg_catalog', 'information_schema')
                """).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Map<String, Set<String>> columns = new HashMap<>();
        for (String[] row : rows) {
            Matcher m = IN_LIST.matcher(row[1]);
            while (m.find()) {
                Set<String> values = new TreeSet<>();
                Matcher v = VALUE.matcher(m.group(2));
                while (v.find()) {
                    values.add(v.group(1));
                }
                columns.put(row[0] + "." + m.group(1), values);
            }
        }
        return columns;
    }
}
