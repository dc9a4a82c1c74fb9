package dev.auditsdk.jdbi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The parsed arguments of {@link VerifyCommand}. */
record VerifyOptions(
        String url,
        @Nullable String user,
        @Nullable String password,
        String table,
        @Nullable Path checkpoints,
        @Nullable Path publicKey,
        @Nullable Instant purgedBefore,
        boolean json) {

    static final String USAGE = "usage: VerifyCommand --url JDBC_URL [--user U] [--password P] [--table activity_log]"
            + " [--checkpoints FILE --public-key PEM_FILE] [--purged-before ISO_INSTANT] [--json]\n"
            + "exit code: 0 clean, 1 tampered, 2 cannot verify";

    static VerifyOptions parse(String[] args) {
        String url = null;
        String user = null;
        String password = System.getenv("AUDIT_VERIFY_PASSWORD");
        String table = "activity_log";
        Path checkpoints = null;
        Path key = null;
        Instant purged = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--url" -> url = value(args, ++i, a);
                case "--user" -> user = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                case "--table" -> table = value(args, ++i, a);
                case "--checkpoints" -> checkpoints = Path.of(value(args, ++i, a));
                case "--public-key" -> key = Path.of(value(args, ++i, a));
                case "--purged-before" -> {
                    try {
                        purged = Instant.parse(value(args, ++i, a));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--purged-before needs an ISO-8601 instant");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        if ((checkpoints == null) != (key == null)) {
            throw new IllegalArgumentException("--checkpoints and --public-key go together");
        }
        return new VerifyOptions(url, user, password, table, checkpoints, key, purged, json);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** A DriverManager data source: the verifier needs one connection, no pool. */
    record UrlDataSource(
            String url, @Nullable String user, @Nullable String password) implements PlainDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
