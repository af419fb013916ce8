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
public class UserAccounts {

    public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled,
                              Jurisdiction jurisdiction, int failedSignIns, Instant lockedUntil, Instant createdAt) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final String COLUMNS = """
            select username, password_hash, roles, enabled, jurisdiction_authority, jurisdiction_governorates,
                   jurisdiction_border_points, failed_sign_ins, locked_until, created_at
              from access.user_account
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql(COLUMNS + " where username = :username").param("username", username)
                .query(UserAccounts::account).optional();
    }

    List<UserAccount> findAll(Set<String> usernames) {
        return usernames.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    List<UserAccount> all() {
        return jdbc.sql(COLUMNS + " order by username").query(UserAccounts::account).list();
    }

    List<UserAccount> page(int limit, long offset) {
        return jdbc.sql(COLUMNS + " order by username limit :limit offset :offset").param("limit", limit)
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

    /** Changes what is given (null: unchanged); true when the account exists. */
    boolean change(String username, Set<Role> roles, Jurisdiction jurisdiction, Boolean enabled, String passwordHash,
                   boolean unlock) {
        return jdbc.sql("""
                update access.user_account
                   set roles = coalesce(cast(:roles as text[]), roles),
                       jurisdiction_authority = coalesce(cast(:authority as text), jurisdiction_authority),
                       jurisdiction_governorates = coalesce(cast(:governorates as text[]), jurisdiction_governorates),
                       jurisdiction_border_points = coalesce(cast(:points as text[]), jurisdiction_border_points),
                       enabled = coalesce(cast(:enabled as boolean), enabled),
                       password_hash = coalesce(cast(:hash as text), password_hash),
                       failed_sign_ins = case when :unlock then 0 else failed_sign_ins end,
                       locked_until = case when :unlock then null else locked_until end
                 where username = :username
                """).param("username", username)
                .param("roles", roles == null ? null : roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("authority", jurisdiction == null ? null : jurisdiction.authority().name())
                .param("governorates", jurisdiction == null ? null : jurisdiction.governorates().toArray(String[]::new))
                .param("points", jurisdiction == null ? null : jurisdiction.borderPoints().toArray(String[]::new))
                .param("enabled", enabled).param("hash", passwordHash).param("unlock", unlock).update() == 1;
    }

    /**
     * Counts a failed sign-in; at the limit the account is locked until the given time and the count
     * starts again. An account already locked is left as it is. True when this failure locked it.
     */
    boolean recordFailure(String username, int maxFailures, Instant now, Instant lockUntil) {
        return jdbc.sql("""
                update access.user_account
                   set failed_sign_ins = case when failed_sign_ins + 1 >= :max then 0 else failed_sign_ins + 1 end,
                       locked_until = case when failed_sign_ins + 1 >= :max then :until else locked_until end
                 where username = :username and (locked_until is null or locked_until <= :now)
                returning locked_until = :until as locked
                """).param("username", username).param("max", maxFailures).param("now", utc(now))
                .param("until", utc(lockUntil)).query(Boolean.class).optional().orElse(false);
    }

    /** A successful sign-in starts the count of failures again. */
    void recordSuccess(String username) {
        jdbc.sql("""
                update access.user_account set failed_sign_ins = 0, locked_until = null
                 where username = :username and (failed_sign_ins <> 0 or locked_until is not null)
                """).param("username", username).update();
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
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return Set.copyOf(Arrays.stream((String[]) array.getArray()).map(Role::valueOf).toList());
    }
}
