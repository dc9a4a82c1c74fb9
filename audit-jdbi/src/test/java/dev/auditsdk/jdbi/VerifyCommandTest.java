package dev.auditsdk.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    @Test
    void badArgumentsCannotVerify() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--url is required")
                .contains("usage:");
        assertThat(run("--url", "jdbc:h2:mem:x", "--checkpoints", "c.jsonl")).isEqualTo(2);
        assertThat(run("--url", "jdbc:h2:mem:x", "--bogus")).isEqualTo(2);
    }

    @Test
    void aMissingTableOrUnreadableKeyCannotVerify() {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        assertThat(run("--url", url, "--user", "sa", "--table", "nothing_here", "--json"))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\":\"error\"");
        assertThat(run(
                        "--url",
                        url,
                        "--checkpoints",
                        "c.jsonl",
                        "--public-key",
                        dir.resolve("missing.pem").toString()))
                .isEqualTo(2);
    }

    @Test
    void anEmptyTrailIsClean() {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (JdbiActivityStore store = JdbiActivityStore.builder(url, "sa", "").build()) {
            store.dialectName();
        }
        assertThat(run("--url", url, "--user", "sa")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("CLEAN: 0 rows checked");
    }
}
