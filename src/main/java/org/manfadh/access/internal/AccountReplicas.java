package org.manfadh.access.internal;

import java.util.List;

import org.manfadh.access.AccountReplication;
import org.manfadh.access.Role;
import org.manfadh.platform.Sha256;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountReplicas implements AccountReplication {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ReferenceData referenceData;
    private final VerifiedCredentialsCache credentials;
    private final AccountDirectory directory;

    AccountReplicas(JdbcClient jdbc, UserAccounts accounts, ReferenceData referenceData,
                    VerifiedCredentialsCache credentials, AccountDirectory directory) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.credentials = credentials;
        this.directory = directory;
    }

    @Override
    public Export exportFor(String borderPoint) {
        BorderPoint point = referenceData.borderPoint(borderPoint).orElseThrow(() ->
                new IllegalArgumentException("Unknown border point " + borderPoint));
        List<String> names = accounts.all().stream()
                .filter(a -> !a.roles().contains(Role.NODE))
                .filter(a -> assignedTo(a, point))
                .map(UserAccounts.UserAccount::username)
                .toList();
        String exported = jdbc.sql("""
                select coalesce(jsonb_agg(jsonb_build_object(
                           'username', username, 'password_hash', password_hash, 'roles', roles, 'enabled', enabled,
                           'jurisdiction_authority', jurisdiction_authority,
                           'jurisdiction_governorates', jurisdiction_governorates,
                           'jurisdiction_border_points', jurisdiction_border_points) order by username), '[]')::text
                  from access.user_account where username = any(:names)
                """).param("names", names.toArray(String[]::new)).query(String.class).single();
        return new Export(Sha256.hex(exported), exported);
    }

    /**
     * The accounts a post needs: those whose jurisdiction is narrowed to the post's border point or its
     * governorate. A whole authority's or the nation's accounts work at headquarters, and an administrator's
     * at a post only when the post is named; their password hashes never leave headquarters otherwise.
     */
    static boolean assignedTo(UserAccounts.UserAccount account, BorderPoint point) {
        var jurisdiction = account.jurisdiction();
        if (jurisdiction.isWholeAuthority()
                || !jurisdiction.covers(point.authority(), point.governorate(), point.code())) {
            return false;
        }
        return !account.roles().contains(Role.ADMIN) || jurisdiction.borderPoints().contains(point.code());
    }

    @Override
    @Transactional
    public int apply(String exported) {
        List<String> changed = jdbc.sql("""
                with incoming as (
                    select * from jsonb_to_recordset(cast(:accounts as jsonb)) as a(
                        username text, password_hash text, roles text[], enabled boolean, jurisdiction_authority text,
                        jurisdiction_governorates text[], jurisdiction_border_points text[])
                ), upserted as (
                    insert into access.user_account (username, password_hash, roles, enabled, jurisdiction_authority,
                                                     jurisdiction_governorates, jurisdiction_border_points, managed_by)
                    select username, password_hash, roles, enabled, jurisdiction_authority, jurisdiction_governorates,
                           jurisdiction_border_points, 'HEADQUARTERS' from incoming
                    on conflict (username) do update set
                        password_hash = excluded.password_hash, roles = excluded.roles, enabled = excluded.enabled,
                        jurisdiction_authority = excluded.jurisdiction_authority,
                        jurisdiction_governorates = excluded.jurisdiction_governorates,
                        jurisdiction_border_points = excluded.jurisdiction_border_points, managed_by = 'HEADQUARTERS',
                        -- A change from headquarters ends the account's sessions at the post, as one made there does.
                        version = user_account.version + 1
                    where (user_account.password_hash, user_account.roles, user_account.enabled,
                           user_account.jurisdiction_authority, user_account.jurisdiction_governorates,
                           user_account.jurisdiction_border_points, user_account.managed_by)
                          is distinct from
                          (excluded.password_hash, excluded.roles, excluded.enabled, excluded.jurisdiction_authority,
                           excluded.jurisdiction_governorates, excluded.jurisdiction_border_points, 'HEADQUARTERS')
                    returning username
                ), withdrawn as (
                    update access.user_account set enabled = false, version = version + 1
                     where managed_by = 'HEADQUARTERS' and enabled and username not in (select username from incoming)
                    returning username
                )
                select username from upserted union all select username from withdrawn
                """).param("accounts", exported).query(String.class).list();
        // The next request sees the new passwords, roles and jurisdictions, not remembered ones.
        changed.forEach(username -> {
            credentials.forget(username);
            directory.forget(username);
        });
        return jdbc.sql("select count(*) from access.user_account where managed_by = 'HEADQUARTERS' and enabled")
                .query(Integer.class).single();
    }
}
