package org.manfadh.access.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.manfadh.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccounts {

    record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled) {
    }

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql("""
                select username, password_hash, roles, enabled
                  from access.user_account
                 where username = :username
                """).param("username", username).query((rs, n) -> new UserAccount(rs.getString("username"),
                rs.getString("password_hash"), roles(rs.getArray("roles")), rs.getBoolean("enabled"))).optional();
    }

    List<UserAccount> findAll(Set<String> usernames) {
        return usernames.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    long count() {
        return jdbc.sql("select count(*) from access.user_account").query(Long.class).single();
    }

    /** Creates the account unless one of that name exists; true when it was created. */
    boolean createIfAbsent(String username, String passwordHash, Set<Role> roles) {
        return jdbc.sql("""
                insert into access.user_account (username, password_hash, roles)
                values (:username, :hash, :roles::text[])
                on conflict (username) do nothing
                """).param("username", username).param("hash", passwordHash)
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new)).update() == 1;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return Set.copyOf(Arrays.stream((String[]) array.getArray()).map(Role::valueOf).toList());
    }
}
