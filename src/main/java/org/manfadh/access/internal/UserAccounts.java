package org.manfadh.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.manfadh.access.Jurisdiction;
import org.manfadh.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccounts {

    /**
     * An account; {@code failedSignIns} and {@code lockedUntil} are those of the client address
     * with the most failures and the latest lock (lock-outs are kept per account and address), and
     * {@code version} moves on with every change that ends the account's sessions.
     */
    public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled,
                              Jurisdiction jurisdiction, int failedSignIns, Instant lockedUntil, Instant createdAt,
                              long version) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final String COLUMNS = """
            select a.username, a.password_hash, a.roles, a.enabled, a.jurisdiction_authority,
                   a.jurisdiction_governorates, a.jurisdiction_border_points, a.created_at, a.version,
                   coalesce(l.failed_sign_ins, 0) as failed_sign_ins, l.locked_until
              from access.user_account a
              left join lateral (select max(failed_sign_ins) as failed_sign_ins, max(locked_until) as locked_until
                                   from access.sign_in_lockout where username = a.username) l on true
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql(COLUMNS + " where a.username = :username").param("username", username)
                .query(UserAccounts::account).optional();
    }

    List<UserAccount> findAll(Set<String> usernames) {
        return usernames.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    List<UserAccount> all() {
        return jdbc.sql(COLUMNS + " order by a.username").query(UserAccounts::account).list();
    }

    List<UserAccount> page(int limit, long offset) {
        return jdbc.sql(COLUMNS + " order by a.username limit :limit offset :offset").param("limit", limit)
                .param("offset", offset).query(UserAccounts::account).list();
    }

    long count() {
        return jdbc.sql("select count(*) from access.user_account").query(Long.class).single();
    }

    /** Creates the account unless one of that name exists; true when it was created. */
    boolean createIfAbsent(String username, String passwordHash, Set<Role> roles) {
        return createIfAbsent(username, passwordHash, roles, Jurisdiction.NATIONAL);
    }

    boolean createIfAbsent(String username, String passwordHash, Set<Role> roles, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                insert into access.user_account (username, password_hash, roles, jurisdiction_authority,
                       jurisdiction_governorates, jurisdiction_border_points)
                values (:username, :hash, :roles::text[], :authority, :governorates::text[], :points::text[])
                on conflict (username) do nothing
                """).param("username", username).param("hash", passwordHash)
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("authority", jurisdiction.authority().name())
                .param("governorates", jurisdiction.governorates().toArray(String[]::new))
                .param("points", jurisdiction.borderPoints().toArray(String[]::new)).update() == 1;
    }

    /**
     * Changes what is given (null: unchanged); true when the account exists. A change of roles,
     * jurisdiction, enabled or password moves the account's version on, which ends its sessions and
     * remembered sign-ins; unlocking alone does not.
     */
    boolean change(String username, Set<Role> roles, Jurisdiction jurisdiction, Boolean enabled, String passwordHash,
                   boolean unlock) {
        boolean changed = jdbc.sql("""
                update access.user_account
                   set version = case when cast(:hash as text) is not null
                                        or roles is distinct from coalesce(cast(:roles as text[]), roles)
                                        or jurisdiction_authority is distinct from coalesce(cast(:authority as text), jurisdiction_authority)
                                        or jurisdiction_governorates is distinct from coalesce(cast(:governorates as text[]), jurisdiction_governorates)
                                        or jurisdiction_border_points is distinct from coalesce(cast(:points as text[]), jurisdiction_border_points)
                                        or enabled is distinct from coalesce(cast(:enabled as boolean), enabled)
                                      then version + 1 else version end,
                       roles = coalesce(cast(:roles as text[]), roles),
                       jurisdiction_authority = coalesce(cast(:authority as text), jurisdiction_authority),
                       jurisdiction_governorates = coalesce(cast(:governorates as text[]), jurisdiction_governorates),
                       jurisdiction_border_points = coalesce(cast(:points as text[]), jurisdiction_border_points),
                       enabled = coalesce(cast(:enabled as boolean), enabled),
                       password_hash = coalesce(cast(:hash as text), password_hash)
                 where username = :username
                """).param("username", username)
                .param("roles", roles == null ? null : roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("authority", jurisdiction == null ? null : jurisdiction.authority().name())
                .param("governorates", jurisdiction == null ? null : jurisdiction.governorates().toArray(String[]::new))
                .param("points", jurisdiction == null ? null : jurisdiction.borderPoints().toArray(String[]::new))
                .param("enabled", enabled).param("hash", passwordHash).update() == 1;
        if (changed && unlock) {
            jdbc.sql("delete from access.sign_in_lockout where username = :username").param("username", username)
                    .update();
        }
        return changed;
    }

    /** Moves an account's version on (its sessions and remembered sign-ins end); true when it exists. */
    boolean endSessions(String username) {
        return jdbc.sql("update access.user_account set version = version + 1 where username = :username")
                .param("username", username).update() == 1;
    }

    /** The version of an enabled account, read at every request that carries a session or a remembered sign-in. */
    Optional<Long> enabledVersion(String username) {
        return jdbc.sql("select version from access.user_account where username = :username and enabled")
                .param("username", username).query(Long.class).optional();
    }

    /** Until when the account is locked for sign-ins from this client address, if it is now. */
    Optional<Instant> lockedUntil(String username, String source, Instant now) {
        return jdbc.sql("""
                select locked_until from access.sign_in_lockout
                 where username = :username and source = :source and locked_until > :now
                """).param("username", username).param("source", source(source)).param("now", utc(now))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /**
     * Counts a failed sign-in to an account from a client address; at the limit the account is locked
     * for that address until the given time and the count starts again. A lock already in force is
     * left as it is; a name that is no account leaves nothing. True when this failure locked it.
     */
    boolean recordFailure(String username, String source, int maxFailures, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                insert into access.sign_in_lockout as l (username, source, failed_sign_ins, locked_until, updated_at)
                select a.username, :source, case when 1 >= :max then 0 else 1 end,
                       case when 1 >= :max then cast(:until as timestamptz) end, :now
                  from access.user_account a where a.username = :username
                on conflict (username, source) do update
                   set failed_sign_ins = case when l.failed_sign_ins + 1 >= :max then 0 else l.failed_sign_ins + 1 end,
                       locked_until = case when l.failed_sign_ins + 1 >= :max then cast(:until as timestamptz)
                                           else l.locked_until end,
                       updated_at = excluded.updated_at
                 where l.locked_until is null or l.locked_until <= :now
                returning locked_until is not distinct from cast(:until as timestamptz) as locked
                """).param("username", username).param("source", source(source)).param("max", maxFailures)
                .param("now", utc(now)).param("until", utc(lockUntil)).query(Boolean.class).optional().orElse(false);
    }

    /** A successful sign-in from an address starts that address's count of failures again. */
    void recordSuccess(String username, String source) {
        jdbc.sql("delete from access.sign_in_lockout where username = :username and source = :source")
                .param("username", username).param("source", source(source)).update();
    }

    private static String source(String source) {
        return source == null ? "" : source;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static UserAccount account(ResultSet rs, int n) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), roles(rs.getArray("roles")),
                rs.getBoolean("enabled"),
                new Jurisdiction(Jurisdiction.Scope.valueOf(rs.getString("jurisdiction_authority")),
                        Set.of(strings(rs.getArray("jurisdiction_governorates"))),
                        Set.of(strings(rs.getArray("jurisdiction_border_points")))),
                rs.getInt("failed_sign_ins"), locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return Set.copyOf(Arrays.stream((String[]) array.getArray()).map(Role::valueOf).toList());
    }
}
