package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.StayRuleReplication;
import org.manfadh.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StayRuleReplicas implements StayRuleReplication {

    private final JdbcClient jdbc;
    private final StayRules rules;

    StayRuleReplicas(JdbcClient jdbc, StayRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Override
    public Export export() {
        String all = jdbc.sql("""
                select coalesce(jsonb_agg(to_jsonb(r) order by r.id), '[]')::text from bordercontrol.stay_rule r
                """).query(String.class).single();
        return new Export(Sha256.hex(all), all);
    }

    @Override
    @Transactional
    public int apply(String exported) {
        int added = jdbc.sql("""
                insert into bordercontrol.stay_rule
                select * from jsonb_populate_recordset(null::bordercontrol.stay_rule, cast(:rules as jsonb))
                on conflict do nothing
                """).param("rules", exported).update();
        if (added > 0) {
            rules.forget();
        }
        return jdbc.sql("select count(*) from bordercontrol.stay_rule").query(Integer.class).single();
    }
}
