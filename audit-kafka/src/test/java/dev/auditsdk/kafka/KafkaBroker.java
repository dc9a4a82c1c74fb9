package dev.auditsdk.kafka;

import dev.auditsdk.test.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) in a child JVM, on free
 * ports and a fresh log directory. Its classpath is resolved by Maven (module {@code audit-kafka/test-broker})
 * and named by the system property {@code audit.kafka.broker.classpath}. It can be killed with SIGKILL
 * and restarted on the same log directory and ports. A broker that does not come up fails the test when
 * {@value TestDatabases#REQUIRE_DATABASES} is set, and skips it otherwise (the rule of {@link TestDatabases}).
 */
final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private @Nullable Process process;

    private KafkaBroker(Path dir, int port, int controllerPort, String classpath) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /** Formats a fresh log directory and starts a broker on it (skip-or-fail rule when it does not come up). */
    static KafkaBroker start() {
        KafkaBroker broker = null;
        try {
            broker = new KafkaBroker(Files.createTempDirectory("audit-kafka-"), freePort(), freePort(), classpath());
            broker.format();
            broker.launch();
            return broker;
        } catch (IOException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            if (System.getenv(TestDatabases.REQUIRE_DATABASES) != null) {
                throw new IllegalStateException(
                        TestDatabases.REQUIRE_DATABASES + " is set but the Kafka test broker did not start", e);
            }
            Assumptions.abort("Kafka test broker did not start, test skipped: " + e);
            throw new AssertionError("unreachable");
        }
    }

    /** {@code host:port} for clients. */
    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** The broker's process id (for the test's own kill -9). */
    long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("broker is not running");
        }
        return p.pid();
    }

    /** kill -9: the broker dies without closing its logs. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitFor(p);
            process = null;
        }
    }

    /** Starts the broker again on the same log directory and ports. */
    void restart() {
        if (process != null) {
            throw new IllegalStateException("broker is running");
        }
        launch();
    }

    /** An admin client on this broker; the caller closes it. */
    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(p);
    }

    /** Creates a topic (replication factor 1) with these extra configs. */
    void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /** Stops the broker (SIGKILL: its data is thrown away anyway) and deletes its log directory. */
    @Override
    public void close() {
        kill();
        deleteTree(dir);
    }

    private void format() throws IOException {
        Files.writeString(dir.resolve("server.properties"), serverProperties(), StandardCharsets.UTF_8);
        String clusterId = run("kafka.tools.StorageTool", "random-uuid").strip();
        run(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                dir.resolve("server.properties").toString());
    }

    private void launch() {
        try {
            List<String> cmd =
                    java("kafka.Kafka", dir.resolve("server.properties").toString());
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("broker.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUp();
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("broker exited: " + tail());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                sleep(200);
            }
        }
        throw new IllegalStateException("broker not up after " + START_TIMEOUT + ": " + tail(), last);
    }

    private String serverProperties() {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
    }

    private String run(String mainClass, String... args) throws IOException {
        Process p = new ProcessBuilder(java(mainClass, args))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p) != 0) {
            throw new IllegalStateException(mainClass + " failed: " + out);
        }
        return out;
    }

    private List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private String tail() {
        try {
            String out = Files.readString(dir.resolve("broker.out"), StandardCharsets.UTF_8);
            return out.substring(Math.max(0, out.length() - 2000));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static String classpath() throws IOException {
        String file = System.getProperty("audit.kafka.broker.classpath");
        if (file == null) {
            throw new IllegalStateException("system property audit.kafka.broker.classpath is not set"
                    + " (build with Maven: mvn -pl audit-kafka -am ...)");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(Process p) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return p.waitFor();
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
