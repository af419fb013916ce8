package org.manfadh.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Runs the database inside the application when no external one is configured, so that a single machine needs
 * nothing but Manfadh itself.
 *
 * <p>Setting {@code spring.datasource.url} switches this off entirely; Spring Boot's own datasource configuration
 * then applies. Otherwise the {@link javax.sql.DataSource} defined here makes Spring Boot's back off, and Flyway
 * migrates the embedded database as its owner while the application works as {@value EmbeddedPostgresServer#APP_ROLE}.
 *
 * <p>Properties: {@code manfadh.data-dir} (default {@code manfadh-data}, relative to the working directory),
 * {@code manfadh.embedded-postgres.port} (default 0, a free port at each start) and
 * {@code manfadh.embedded-postgres.durable} (default true; only tests should turn it off).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final int POOL_SIZE = 10;

    /** The server {@link EmbeddedPostgresEarlyStart} has been starting since the context was made, or a new one. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(Environment environment,
            ObjectProvider<EmbeddedPostgresEarlyStart.Starting> early) throws IOException {
        EmbeddedPostgresEarlyStart.Starting starting = early.getIfAvailable();
        return starting != null ? starting.take() : EmbeddedPostgresServer.start(settings(environment));
    }

    static EmbeddedPostgresServer.Settings settings(Environment environment) {
        return new EmbeddedPostgresServer.Settings(Path.of(environment.getProperty("manfadh.data-dir", "manfadh-data")),
                environment.getProperty("manfadh.embedded-postgres.port", Integer.class, 0),
                environment.getProperty("manfadh.embedded-postgres.durable", Boolean.class, true));
    }

    /** The application's connections: its own role, which neither owns the tables nor may rewrite the audit trail. */
    // Depending on the server makes the context close the pool before it stops the server.
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("manfadh-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.APP_ROLE);
        dataSource.setPassword(server.credentials().appPassword());
        dataSource.setMaximumPoolSize(POOL_SIZE);
        return dataSource;
    }

    /** The owner's connections, for Flyway alone: opened while migrating, not pooled. */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), EmbeddedPostgresServer.OWNER,
                server.credentials().ownerPassword());
    }

    static final class NoDataSourceUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
