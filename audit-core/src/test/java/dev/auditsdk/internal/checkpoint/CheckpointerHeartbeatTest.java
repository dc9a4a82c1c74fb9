package dev.auditsdk.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.Checkpoint;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.integrity.FileCheckpointSink;
import dev.auditsdk.internal.integrity.HashChain;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeat checkpoints: a chain that does not move still checkpoints, so one that stopped is visible. */
class CheckpointerHeartbeatTest {
    private static final KeyPair KEYS = Checkpoints.generateKeyPair();

    @TempDir
    Path dir;

    @Test
    void anIdleChainWritesHeartbeatCheckpointsAtItsHeadAndTheyVerify() throws Exception {
        FileCheckpointSink file = FileCheckpointSink.of(dir.resolve("heartbeats.chk"));
        HashChain chain = HashChain.start();
        ActivityLog row =
                chain.link(ActivityLog.builder(ActionType.READ).actor("a").build());
        Checkpointer cp =
                Checkpointer.start(Checkpoints.signing(KEYS.getPrivate(), file).heartbeat(Duration.ofMillis(1)), chain);
        // the opening checkpoint is at seq 1; then two idle ticks, each after more than a heartbeat
        Thread.sleep(5);
        cp.tick(false);
        Thread.sleep(5);
        cp.tick(false);

        List<Checkpoint> written = file.readAll();
        assertThat(written).hasSize(3).allSatisfy(c -> assertThat(c.seq()).isEqualTo(1));
        assertThat(written.get(2).previous()).isEqualTo(written.get(1).id());
        assertThat(ActivityVerifier.builder()
                        .checkpoints(written, KEYS.getPublic())
                        .build()
                        .verify(List.of(row))
                        .clean())
                .isTrue();
    }

    @Test
    void withoutHeartbeatsAnIdleChainWritesNothingMore() throws Exception {
        FileCheckpointSink file = FileCheckpointSink.of(dir.resolve("plain.chk"));
        HashChain chain = HashChain.start();
        chain.link(ActivityLog.builder(ActionType.READ).actor("a").build());
        Checkpointer cp =
                Checkpointer.start(Checkpoints.signing(KEYS.getPrivate(), file).every(1, Duration.ofMillis(1)), chain);
        Thread.sleep(5);
        cp.tick(false);

        assertThat(file.readAll()).hasSize(1);
    }

    @Test
    void heartbeatMustBePositive() {
        Checkpoints c = Checkpoints.signing(KEYS.getPrivate(), FileCheckpointSink.of(dir.resolve("c.chk")));
        assertThatThrownBy(() -> c.heartbeat(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.heartbeat()).isEmpty();
        assertThat(c.heartbeat(Duration.ofSeconds(5)).heartbeat()).contains(Duration.ofSeconds(5));
    }
}
