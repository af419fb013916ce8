package org.manfadh.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedPostgresEarlyStartIntegrationTests {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withInitializer(new EmbeddedPostgresEarlyStart());

    @Test
    void servesTheServerStartedAsTheContextWasMade() {
        contextRunner
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("manfadh.data-dir=" + dataDirectory, "manfadh.embedded-postgres.durable=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgresServer.class)
                            .hasBean(EmbeddedPostgresEarlyStart.BEAN_NAME);
                    assertThat(context.getBean(EmbeddedPostgresServer.class).clusterDirectory())
                            .isEqualTo(dataDirectory.resolve("postgres").toRealPath());
                    try (Connection connection = context.getBean(DataSource.class).getConnection();
                            Statement statement = connection.createStatement();
                            ResultSet result = statement.executeQuery("SELECT current_user")) {
                        result.next();
                        assertThat(result.getString(1)).isEqualTo(EmbeddedPostgresServer.APP_ROLE);
                    }
                });

        assertThat(dataDirectory.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE))
                .as("server stopped with the context")
                .doesNotExist();
    }

    @Test
    void stopsAServerNobodyTookWithTheContext() {
        contextRunner
                .withPropertyValues("manfadh.data-dir=" + dataDirectory, "manfadh.embedded-postgres.durable=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                    // wait for the start, so that there is a server to stop
                    context.getBean(EmbeddedPostgresEarlyStart.Starting.class).awaitStarted();
                    assertThat(dataDirectory.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE)).exists();
                });

        assertThat(dataDirectory.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE))
                .as("server stopped with the context")
                .doesNotExist();
    }

    @Test
    void failsTheContextWithTheStartsOwnMessage() throws Exception {
        Files.createDirectories(dataDirectory.resolve("postgres"));
        Files.writeString(dataDirectory.resolve("postgres").resolve("notes.txt"), "not a cluster");

        contextRunner
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withPropertyValues("manfadh.data-dir=" + dataDirectory, "manfadh.embedded-postgres.durable=false")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("is not empty and holds no PostgreSQL cluster"));
    }

    @Test
    void startsNothingWhenADatasourceUrlIsSet() {
        contextRunner
                .withPropertyValues("manfadh.data-dir=" + dataDirectory,
                        "spring.datasource.url=jdbc:postgresql://db.example.org:5432/manfadh")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresEarlyStart.BEAN_NAME));

        assertThat(dataDirectory.resolve("postgres")).doesNotExist();
    }
}
