package org.manfadh.platform.database;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two database accounts: Flyway migrates as the tables' owner ({@code spring.flyway.user}, or the embedded
 * server's owner), the application works as a role that may not rewrite the audit trail. The migrations grant that
 * role what it needs; its name reaches them as the placeholder {@code app_role}: {@code manfadh.database.app-role}
 * when set, otherwise the application datasource's user name (empty: the migrating user itself, as in an
 * installation with one account).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRolesConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(@Value("${manfadh.database.app-role:}") String configured,
                                                     ObjectProvider<DataSource> dataSource) {
        return configuration -> {
            String role = configured.isBlank() && dataSource.getIfUnique() instanceof HikariDataSource hikari
                    && hikari.getUsername() != null ? hikari.getUsername() : configured.strip();
            Map<String, String> placeholders = new java.util.HashMap<>(configuration.getPlaceholders());
            placeholders.put("app_role", role);
            configuration.placeholders(placeholders);
        };
    }

    /** An installation that runs the application as the owner or a superuser loses the audit trail's protection: say so. */
    @Bean
    ApplicationRunner databaseRoleCheck(JdbcClient jdbc) {
        return arguments -> {
            Map<String, Object> role = jdbc.sql("""
                    select r.rolname as name, r.rolsuper as superuser,
                           (select c.relowner = r.oid from pg_class c where c.oid = 'access.audit_event'::regclass) as owner
                      from pg_roles r where r.rolname = current_user
                    """).query().singleRow();
            if (Boolean.TRUE.equals(role.get("superuser")) || Boolean.TRUE.equals(role.get("owner"))) {
                log.warn("The application connects to the database as {}, {}: it could rewrite the audit trail. "
                                + "Give it a role of its own (see the README, 'An external PostgreSQL') and migrate as "
                                + "the owner with spring.flyway.user and spring.flyway.password",
                        role.get("name"), Boolean.TRUE.equals(role.get("superuser")) ? "a superuser" : "the tables' owner");
            }
        };
    }
}
