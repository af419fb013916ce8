package org.manfadh.platform.database;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself, for installations without an external database.
 *
 * <p>The cluster lives in the {@value #CLUSTER_FOLDER} sub-folder of the Manfadh data folder and is kept across
 * restarts. Unless told otherwise it runs with the durability settings of a production server, because for a
 * single-machine installation this is the production database.
 *
 * <p>The owner must {@link #close()} it; no JVM shutdown hook does, so that the owner can close its connection pool
 * first.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "manfadh";
    /** The cluster's superuser: it owns the database and its tables, creates the roles and runs the migrations. */
    static final String OWNER = "postgres";
    /** The role the application works as: no superuser, not the tables' owner, no update or delete on the audit trail. */
    static final String APP_ROLE = "manfadh_app";
    static final String CLUSTER_FOLDER = "postgres";
    /** The two roles' passwords, generated at the first start, in the cluster folder (readable by its owner only). */
    static final String CREDENTIALS_FILE = "manfadh-credentials.properties";

    /** The lock file zonky's EmbeddedPostgres holds for as long as it runs a server on a directory. */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    // Crash recovery replays WAL before the server accepts connections, which can take a while on a large cluster.
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    /**
     * How to run the server.
     *
     * @param dataDirectory the Manfadh data folder; the cluster goes into its {@value #CLUSTER_FOLDER} sub-folder
     * @param port the TCP port, or 0 to pick a free one at each start
     * @param durable whether commits survive a crash or power cut; only tests should turn this off
     */
    record Settings(Path dataDirectory, int port, boolean durable) {

        Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Embedded PostgreSQL port must be between 0 and 65535, not " + port);
            }
        }
    }

    /** The passwords of the owner (the cluster's superuser) and of the application's role. */
    record Credentials(String ownerPassword, String appPassword) {

        Credentials {
            Objects.requireNonNull(ownerPassword, "ownerPassword");
            Objects.requireNonNull(appPassword, "appPassword");
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path clusterDirectory;
    private final Credentials credentials;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDirectory, Credentials credentials) {
        this.postgres = postgres;
        this.clusterDirectory = clusterDirectory;
        this.credentials = credentials;
    }

    static EmbeddedPostgresServer start(Settings settings) throws IOException {
        Path clusterDirectory = prepareClusterDirectory(settings.dataDirectory());
        if (Files.exists(clusterDirectory.resolve("postgresql.conf"))) {
            ensureNotInUse(clusterDirectory);
            LeftoverPostmaster.clear(clusterDirectory);
        } else {
            // initdb refuses a non-empty folder; say which folder and why rather than relaying its error.
            ensureEmpty(clusterDirectory);
        }
        if (settings.port() != 0) {
            ensurePortFree(settings.port());
        }
        if (!settings.durable()) {
            log.warn("Embedded PostgreSQL runs without fsync and synchronous commit: a crash can lose or corrupt data");
        }

        Path credentialsFile = clusterDirectory.resolve(CREDENTIALS_FILE);
        Credentials credentials = EmbeddedCredentials.loadOrGenerate(credentialsFile);
        EmbeddedPostgres postgres;
        try {
            postgres = builder(clusterDirectory, settings).setConnectConfig("password", credentials.ownerPassword())
                    .start();
        } catch (IOException e) {
            throw new IOException("Embedded PostgreSQL did not start on " + clusterDirectory
                    + "; the PostgreSQL log lines before this error tell why", e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, clusterDirectory, credentials);
        try {
            server.verifyServesCluster();
            EmbeddedCredentials.storeIfAbsent(credentialsFile, credentials);
            server.prepareRoles();
            server.createDatabaseIfAbsent();
            server.requirePasswords();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("Embedded PostgreSQL on " + clusterDirectory + " could not be prepared", e);
        }
        log.info("Embedded PostgreSQL keeps its data in {} and serves {}", clusterDirectory, server.jdbcUrl());
        return server;
    }

    Path clusterDirectory() {
        return clusterDirectory;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    Credentials credentials() {
        return credentials;
    }

    /** Stops the server with a fast shutdown; open sessions are ended, committed data is kept. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL on " + clusterDirectory + " did not stop cleanly", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path clusterDirectory, Settings settings) {
        String durability = settings.durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(clusterDirectory)
                .setCleanDataDirectory(false)
                // The owner stops the server, after closing its connection pool; zonky's own JVM shutdown hook would
                // race with that and pull the database from under requests still being served. Should the owner
                // never stop it, the next start stops the server it left behind.
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                .setPGStartupWait(STARTUP_TIMEOUT)
                // Collation must not depend on the host's locale settings, or a restored copy sorts differently.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "localhost")
                // Without a Unix socket there is no lock file outside the data folder that a crash could leave behind.
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability);
    }

    private static Path prepareClusterDirectory(Path dataDirectory) {
        Path cluster = dataDirectory.toAbsolutePath().normalize().resolve(CLUSTER_FOLDER);
        try {
            Files.createDirectories(cluster);
            // The postmaster is recognised later by the directory on its command line, so always pass the same path.
            return cluster.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL data folder " + cluster + " cannot be created: " + e, e);
        }
    }

    private static void ensureEmpty(Path clusterDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(clusterDirectory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException("Embedded PostgreSQL data folder " + clusterDirectory
                        + " is not empty and holds no PostgreSQL cluster; move its contents away"
                        + " or choose another --manfadh.data-dir");
            }
        }
    }

    /**
     * Refuses a cluster that another running instance is serving. Without this check, the server of that instance
     * would be taken for one left behind by a crash and stopped.
     */
    private static void ensureNotInUse(Path clusterDirectory) throws IOException {
        Path lockFile = clusterDirectory.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(clusterDirectory);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(clusterDirectory);
        }
    }

    private static IllegalStateException inUse(Path clusterDirectory) {
        return new IllegalStateException("Embedded PostgreSQL data folder " + clusterDirectory
                + " is in use by another running Manfadh; stop it first or choose another --manfadh.data-dir");
    }

    /**
     * Fails early on a taken port: otherwise startup would wait for its timeout, or, worse, accept another
     * PostgreSQL that happens to listen there.
     */
    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL cannot listen on port " + port
                    + ", which is already in use; free it or set manfadh.embedded-postgres.port to another port"
                    + " (0 picks a free one)", e);
        }
    }

    private void verifyServesCluster() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW data_directory")) {
            result.next();
            String served = result.getString(1);
            if (!sameDirectory(served, clusterDirectory)) {
                throw new IllegalStateException("The PostgreSQL server on port " + port() + " serves " + served
                        + ", not " + clusterDirectory);
            }
        }
    }

    /**
     * Gives the owner its password and creates the application's role, on every start: a cluster made by an earlier
     * release has neither, and a password changed in the credentials file takes effect. The application's role may
     * log in and nothing more; what it may do in the database is granted by the migrations.
     */
    private void prepareRoles() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + OWNER + " PASSWORD " + literal(credentials.ownerPassword()));
            boolean exists;
            try (ResultSet result = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = " + literal(APP_ROLE))) {
                exists = result.next();
            }
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                    + literal(credentials.appPassword());
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + APP_ROLE + attributes);
        }
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet result = query.executeQuery()) {
                    exists = result.next();
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (!exists) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                    log.info("Created database {} in {}", DATABASE, clusterDirectory);
                }
                // The migrations grant the rest; the temporary tables of bulk loads need TEMPORARY.
                statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
            }
        }
    }

    /**
     * Makes every connection give its role's password. initdb (and clusters of earlier releases) trust any local
     * connection, which would let any program on the machine connect as the superuser.
     */
    private void requirePasswords() throws SQLException {
        Path hba = clusterDirectory.resolve("pg_hba.conf");
        String wanted = """
                # Written by Manfadh: every connection gives its role's password (see %s).
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """.formatted(CREDENTIALS_FILE);
        try {
            if (Files.exists(hba) && Files.readString(hba).equals(wanted)) {
                return;
            }
            Files.writeString(hba, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hba, e);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
        log.info("Embedded PostgreSQL now requires a password of every connection");
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean sameDirectory(String path, Path directory) {
        try {
            return Path.of(path).toRealPath().equals(directory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
