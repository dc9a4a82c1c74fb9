package dev.auditsdk.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Configures signed checkpoints for a recorder: every {@code N} records or {@code T} of time
 * (whichever comes first, defaults 10,000 and 60 s), plus one when the chain opens and one when
 * the recorder closes. Ed25519 keys are the JDK's own; the PEM helpers read and write the usual
 * {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY} (X.509) forms.
 *
 * <pre>{@code
 * ActivityRecorder.builder().store(store)
 *     .checkpoints(Checkpoints.signing(privateKey, FileCheckpointSink.of(Path.of("/secure/audit.chk"))))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Checkpoints {
    private final PrivateKey key;
    private final CheckpointSink sink;
    private final long every;
    private final Duration interval;
    private final Clock clock;
    private final @Nullable Duration heartbeat;

    private Checkpoints(
            PrivateKey key,
            CheckpointSink sink,
            long every,
            Duration interval,
            Clock clock,
            @Nullable Duration heartbeat) {
        this.key = key;
        this.sink = sink;
        this.every = every;
        this.interval = interval;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /** Checkpoints signed with {@code key} (Ed25519) and written to {@code sink}. */
    public static Checkpoints signing(PrivateKey key, CheckpointSink sink) {
        return new Checkpoints(
                Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(sink, "sink"),
                10_000,
                Duration.ofSeconds(60),
                Clock.systemUTC(),
                null);
    }

    /**
     * A checkpoint after at most {@code records} records and at most {@code interval} of time.
     *
     * @throws IllegalArgumentException if {@code records < 1} or the interval is not positive
     */
    public Checkpoints every(long records, Duration interval) {
        if (records < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("records must be >= 1 and interval positive");
        }
        return new Checkpoints(key, sink, records, interval, clock, heartbeat);
    }

    /**
     * A checkpoint at least every {@code every} even while the chain does not move (default: none), so a
     * recorder that stopped without its closing checkpoint (killed, host lost) shows as a chain whose
     * checkpoints stop: the checkpoint sink shows every live chain's last sign of life.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Checkpoints heartbeat(Duration every) {
        if (Objects.requireNonNull(every, "every").isNegative() || every.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive");
        }
        return new Checkpoints(key, sink, this.every, interval, clock, every);
    }

    /** The longest time between two checkpoints of a chain even when it did not move, if heartbeats are on. */
    public Optional<Duration> heartbeat() {
        return Optional.ofNullable(heartbeat);
    }

    /** The clock for checkpoint times (default UTC system clock). */
    public Checkpoints clock(Clock clock) {
        return new Checkpoints(key, sink, every, interval, Objects.requireNonNull(clock, "clock"), heartbeat);
    }

    /** The most records between two checkpoints of a chain. */
    public long records() {
        return every;
    }

    /** The longest time between two checkpoints of a chain that moved. */
    public Duration interval() {
        return interval;
    }

    /** Where checkpoints are written. */
    public CheckpointSink sink() {
        return sink;
    }

    /**
     * Makes a checkpoint of {@code (chainId, seq, hash)} at this configuration's clock time, signed
     * with its key.
     *
     * @param previous the id of the chain's previous checkpoint, empty for its opening one
     * @param closed whether it is the chain's closing checkpoint
     * @throws IllegalArgumentException if the key cannot sign (not Ed25519)
     */
    public Checkpoint sign(String chainId, long seq, String hash, String previous, boolean closed) {
        return Checkpoint.sign(chainId, seq, hash, clock.instant(), previous, closed, key);
    }

    /** A new Ed25519 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /** A key in PEM form ({@code PRIVATE KEY} or {@code PUBLIC KEY}). */
    public static String toPem(java.security.Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()) + "\n-----END " + type
                + "-----\n";
    }

    /**
     * Reads an Ed25519 public key from PEM (or bare base64 of its X.509 encoding).
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * Reads an Ed25519 private key from PEM (or bare base64 of its PKCS#8 encoding).
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
