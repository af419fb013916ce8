package org.manfadh.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedPostgresConfigurationIntegrationTests {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(EmbeddedPostgresConfiguration.class);

    @Test
    void servesPooledDataSourceFromEmbeddedServerWhenNoDatasourceUrlIsSet() {
        HikariDataSource[] pool = new HikariDataSource[1];
        contextRunner
                .withPropertyValues("manfadh.data-dir=" + dataDirectory,
                        "manfadh.embedded-postgres.durable=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(EmbeddedPostgresServer.class).hasSingleBean(HikariDataSource.class);
                    pool[0] = context.getBean(HikariDataSource.class);
                    assertThat(context.getBean(DataSource.class)).as("the application's").isSameAs(pool[0]);
                    assertThat(pool[0].getJdbcUrl()).isEqualTo(context.getBean(EmbeddedPostgresServer.class).jdbcUrl());
                    try (Connection connection = pool[0].getConnection();
                            Statement statement = connection.createStatement();
                            ResultSet result = statement.executeQuery("SELECT current_database(), current_user")) {
                        result.next();
                        assertThat(result.getString(1)).isEqualTo("manfadh");
                        assertThat(result.getString(2)).isEqualTo(EmbeddedPostgresServer.APP_ROLE);
                    }
                });

        assertThat(pool[0].isClosed()).isTrue();
        assertThat(dataDirectory.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE))
                .as("server stopped with the context")
                .doesNotExist();
    }

    @Test
    void backsOffWhenDatasourceUrlIsSet() {
        contextRunner
                .withPropertyValues("manfadh.data-dir=" + dataDirectory,
                        "spring.datasource.url=jdbc:postgresql://db.example.org:5432/manfadh")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(context).getBean(DataSource.class)
                            .isInstanceOfSatisfying(HikariDataSource.class, dataSource -> assertThat(
                                    dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5432/manfadh"));
                });

        assertThat(dataDirectory.resolve("postgres")).doesNotExist();
    }
}
