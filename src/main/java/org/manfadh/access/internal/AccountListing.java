package org.manfadh.access.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.manfadh.access.AccountManagement.Listed;
import org.manfadh.access.Role;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts as an administrator reads them on screen, by name, with their roles and language; no secrets. */
@Repository
class AccountListing {

    private final JdbcClient jdbc;

    AccountListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<Listed> page(PageRequest page) {
        List<Listed> content = jdbc.sql("""
                select a.username, a.roles, a.enabled, a.created_at, p.language,
                       exists (select 1 from access.two_factor t
                                where t.username = a.username and t.confirmed_at is not null) as two_factor
                  from access.user_account a
                  left join access.user_preference p on p.username = a.username
                 order by a.username
                 limit :limit offset :offset
                """).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Listed(rs.getString("username"),
                        Arrays.stream((String[]) rs.getArray("roles").getArray()).sorted().map(Role::valueOf).toList(),
                        rs.getBoolean("enabled"), rs.getString("language"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("two_factor")))
                .list();
        long total = jdbc.sql("select count(*) from access.user_account").query(Long.class).single();
        return Page.of(content, page, total);
    }
}
