package dev.auditsdk.kafka;

import dev.auditsdk.jdbi.JdbiActivityStore;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * {@code KafkaActivityLoader}'s command line: options, or the environment variables named after them
 * ({@code --jdbc-url} → {@code AUDIT_JDBC_URL}), so a password need not appear in the process list.
 */
final class LoaderCommand {
    private static final String USAGE = """
            Loads an audit topic from Kafka into a relational store until stopped (SIGTERM, Ctrl-C).

            Options (each also read from the environment variable in brackets):
              --bootstrap-servers HOST:PORT[,..]  [AUDIT_KAFKA_BOOTSTRAP_SERVERS] (required)
              --topic NAME                        [AUDIT_KAFKA_TOPIC] default audit
              --group ID                          [AUDIT_KAFKA_GROUP] default audit-loader
              --dead-letter-topic NAME            [AUDIT_KAFKA_DEAD_LETTER_TOPIC] default <topic>.dlt
              --jdbc-url URL                      [AUDIT_JDBC_URL] (required)
              --jdbc-user NAME                    [AUDIT_JDBC_USER]
              --jdbc-password TEXT                [AUDIT_JDBC_PASSWORD]
              --jdbc-table NAME                   [AUDIT_JDBC_TABLE] default activity_log
              --consumer-property NAME=VALUE      any consumer setting (security, max.poll.records); repeatable
            """;

    private LoaderCommand() {}

    static void run(String[] args) throws InterruptedException {
        Map<String, String> o = new HashMap<>();
        Map<String, String> consumer = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                fail("unexpected argument '" + a + "'", System.err);
                return;
            }
            String value = args[++i];
            if (a.equals("--consumer-property")) {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    fail("--consumer-property needs NAME=VALUE", System.err);
                    return;
                }
                consumer.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                o.put(a.substring(2), value);
            }
        }
        String bootstrap = option(o, "bootstrap-servers");
        String url = option(o, "jdbc-url");
        if (bootstrap == null || url == null) {
            fail("--bootstrap-servers and --jdbc-url are required", System.err);
            return;
        }
        String topic = option(o, "topic", "audit");
        JdbiActivityStore.Builder sb =
                JdbiActivityStore.builder(url, option(o, "jdbc-user"), option(o, "jdbc-password"));
        String table = option(o, "jdbc-table");
        if (table != null) {
            sb.tableName(table);
        }
        CountDownLatch done = new CountDownLatch(1);
        try (JdbiActivityStore store = sb.build()) {
            KafkaActivityLoader.Builder lb = KafkaActivityLoader.builder(bootstrap, topic, store)
                    .groupId(option(o, "group", "audit-loader"))
                    .deadLetterTopic(option(o, "dead-letter-topic", topic + ".dlt"));
            consumer.forEach(lb::property);
            KafkaActivityLoader loader = lb.build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                loader.close();
                done.countDown();
            }));
            done.await();
        }
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String v = option(options, name);
        return v == null ? fallback : v;
    }

    /** The option's value, else its environment variable ({@code jdbc-url} → {@code AUDIT_JDBC_URL}). */
    private static @Nullable String option(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            String env = name.toUpperCase(Locale.ROOT).replace('-', '_');
            v = System.getenv("AUDIT_" + (name.startsWith("jdbc-") ? env : "KAFKA_" + env));
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static void fail(String message, PrintStream err) {
        err.println(message);
        err.print(USAGE);
        System.exit(2);
    }
}
