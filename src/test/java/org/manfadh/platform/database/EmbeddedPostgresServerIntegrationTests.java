package org.manfadh.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE traveller (name text)", "INSERT INTO traveller VALUES ('Amina')");
        }

        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SELECT name FROM traveller")).containsExactly("Amina");
        }
    }

    @Test
    void runsDurableByDefault() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresServer.Settings(dataDirectory, 0, true))) {
            assertThat(queryColumn(server, "SHOW fsync")).containsExactly("on");
            assertThat(queryColumn(server, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(queryColumn(server, "SHOW full_page_writes")).containsExactly("on");
        }
    }

    @Test
    void listensOnLocalhostOnlyWithoutUnixSocket() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SHOW listen_addresses")).containsExactly("localhost");
            assertThat(queryColumn(server, "SHOW unix_socket_directories")).containsExactly("");
        }
    }

    @Test
    void listensOnConfiguredPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresServer.Settings(dataDirectory, port, false))) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/manfadh");
            assertThat(queryColumn(server, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void givesTheApplicationARoleOfItsOwnAndRequiresPasswords() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SELECT rolsuper || ',' || rolcreaterole || ',' || rolcreatedb FROM pg_roles"
                    + " WHERE rolname = '" + EmbeddedPostgresServer.APP_ROLE + "'")).containsExactly("false,false,false");
            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.APP_ROLE,
                    server.credentials().appPassword());
                    Statement statement = app.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_user")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(EmbeddedPostgresServer.APP_ROLE);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER, ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.APP_ROLE,
                    server.credentials().ownerPassword()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        Path credentials = dataDirectory.resolve("postgres").resolve(EmbeddedPostgresServer.CREDENTIALS_FILE);
        assertThat(Files.getPosixFilePermissions(credentials)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void givesAClusterOfAnEarlierReleaseItsRolesAndPasswords() throws Exception {
        createCluster();
        // As an earlier release left it: every local connection trusted, no passwords file, no application role.
        Path cluster = dataDirectory.resolve("postgres");
        Files.delete(cluster.resolve(EmbeddedPostgresServer.CREDENTIALS_FILE));
        Files.writeString(cluster.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "REVOKE ALL ON DATABASE manfadh FROM " + EmbeddedPostgresServer.APP_ROLE,
                    "DROP ROLE " + EmbeddedPostgresServer.APP_ROLE);
        }
        Files.delete(cluster.resolve(EmbeddedPostgresServer.CREDENTIALS_FILE));
        Files.writeString(cluster.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SELECT name FROM traveller")).containsExactly("Amina");
            assertThat(queryColumn(server, "SELECT rolname FROM pg_roles WHERE rolname = '"
                    + EmbeddedPostgresServer.APP_ROLE + "'")).containsExactly(EmbeddedPostgresServer.APP_ROLE);
            assertThat(cluster.resolve(EmbeddedPostgresServer.CREDENTIALS_FILE)).exists();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER, ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void refusesConfiguredPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(
                    new EmbeddedPostgresServer.Settings(dataDirectory, port, false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on port " + port);
        }
    }

    @Test
    void startsInDataFolderThatHoldsOtherFiles() throws Exception {
        Path notes = Files.writeString(dataDirectory.resolve("notes.txt"), "kept as is");
        Path attachments = Files.createDirectories(dataDirectory.resolve("attachments"));
        Path scan = Files.writeString(attachments.resolve("passport.txt"), "scan");

        try (EmbeddedPostgresServer server = start()) {
            assertThat(server.clusterDirectory()).isEqualTo(dataDirectory.resolve("postgres").toRealPath());
            assertThat(server.clusterDirectory().resolve("PG_VERSION")).exists();
            assertThat(queryColumn(server, "SELECT current_database()")).containsExactly("manfadh");
        }

        assertThat(notes).hasContent("kept as is");
        assertThat(scan).hasContent("scan");
        try (var entries = Files.list(dataDirectory)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("notes.txt", "attachments", "postgres");
        }
    }

    @Test
    void refusesClusterFolderThatHoldsOtherFiles() throws Exception {
        Path stray = Files.writeString(
                Files.createDirectories(dataDirectory.resolve("postgres")).resolve("stray.txt"), "stray");

        assertThatThrownBy(this::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(stray.getParent().toRealPath().toString())
                .hasMessageContaining("is not empty and holds no PostgreSQL cluster");
        assertThat(stray).hasContent("stray");
    }

    @Test
    void refusesClusterThatAnotherServerRuns() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE traveller (name text)");

            assertThatThrownBy(this::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running Manfadh");
            assertThat(queryColumn(server, "SELECT count(*) FROM traveller")).containsExactly("0");
        }
    }

    @Test
    void startsWhenPidFileNamesDeadProcess() throws Exception {
        createCluster();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writePidFile(finished.pid());

        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SELECT name FROM traveller")).containsExactly("Amina");
        }
    }

    @Test
    void startsWhenPidFileNamesUnrelatedLiveProcess() throws Exception {
        createCluster();
        // Not this JVM: PostgreSQL tolerates a PID file naming one of its own ancestors, which would hide the problem.
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            writePidFile(unrelated.pid());

            try (EmbeddedPostgresServer server = start()) {
                assertThat(queryColumn(server, "SELECT name FROM traveller")).containsExactly("Amina");
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void startsWhenPidFileNamesThisJvm() throws Exception {
        createCluster();
        writePidFile(ProcessHandle.current().pid());

        try (EmbeddedPostgresServer server = start()) {
            assertThat(queryColumn(server, "SELECT name FROM traveller")).containsExactly("Amina");
        }
    }

    private EmbeddedPostgresServer start() throws IOException {
        return EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(dataDirectory, 0, false));
    }

    private void createCluster() throws Exception {
        try (EmbeddedPostgresServer server = start()) {
            execute(server, "CREATE TABLE traveller (name text)", "INSERT INTO traveller VALUES ('Amina')");
        }
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    // Mimics the file a server leaves when its machine loses power: the PID of that boot, now meaning something else.
    private void writePidFile(long pid) throws IOException {
        Path cluster = dataDirectory.resolve("postgres").toRealPath();
        Files.writeString(cluster.resolve("postmaster.pid"),
                pid + "\n" + cluster + "\n1700000000\n5432\n\nlocalhost\n  5432001    32768\nready   \n",
                StandardCharsets.UTF_8);
    }

    static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<String> queryColumn(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER,
                server.credentials().ownerPassword());
    }

    /** As the owner, with the password the server keeps in the data folder. */
    static Connection connect(Path dataDirectory, int port) throws SQLException {
        String password = EmbeddedCredentials.loadOrGenerate(
                dataDirectory.resolve("postgres").resolve(EmbeddedPostgresServer.CREDENTIALS_FILE)).ownerPassword();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/manfadh",
                EmbeddedPostgresServer.OWNER, password);
    }
}
