// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.internal.integrity.ActivityJsonText;
import dev.auditsdk.internal.integrity.CanonicalForm;
import dev.auditsdk.internal.integrity.HashChain;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A signed statement that chain {@code chainId} had reached {@code seq} with head hash
 * {@code hash} at time {@code at}. Kept outside the audit table (see {@link CheckpointSink}),
 * because whoever can rewrite the table can also recompute every hash in it; nobody without the
 * private key can make a checkpoint for a rewritten chain. Checkpoints are chained too:
 * {@code previous} is the {@link #id()} of the same chain's checkpoint before it (empty for the
 * opening one), so a checkpoint removed from the middle of a chain's checkpoints is noticed.
 *
 * <p>The signature is Ed25519 over the UTF-8 bytes of
 * {@code {"at":"<CanonicalForm.time>","chainId":"…","hash":"…","previous":"…","seq":N,"v":1}}
 * (no whitespace). Seq 0 with an empty hash is a chain's opening checkpoint: it declares the chain.
 *
 * <p>An immutable value (equal when all its parts are equal), made by {@link #sign} or read by
 * {@link #fromJson}; a final class rather than a record so that parts can be added without
 * breaking callers.
 *
 * @since 0.1
 */
public final class Checkpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String chainId;
    private final long seq;
    private final String hash;
    private final Instant at;
    private final String previous;
    private final String signature;
    private final boolean closed;

    Checkpoint(String chainId, long seq, String hash, Instant at, String previous, String signature, boolean closed) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.seq = seq;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.at = Objects.requireNonNull(at, "at");
        this.previous = Objects.requireNonNull(previous, "previous");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.closed = closed;
    }

    /** The chain. */
    public String chainId() {
        return chainId;
    }

    /** The chain position covered; 0 for the opening checkpoint. */
    public long seq() {
        return seq;
    }

    /** The hash of the record at {@link #seq()}, empty for seq 0. */
    public String hash() {
        return hash;
    }

    /** When the checkpoint was made. */
    public Instant at() {
        return at;
    }

    /** The id of the chain's previous checkpoint, empty for the opening one. */
    public String previous() {
        return previous;
    }

    /** The base64 Ed25519 signature of {@link #signedBytes()}. */
    public String signature() {
        return signature;
    }

    /** Whether this is the chain's closing checkpoint (covered by the signature). */
    public boolean closed() {
        return closed;
    }

    /** Makes and signs a checkpoint that does not close its chain. */
    public static Checkpoint sign(String chainId, long seq, String hash, Instant at, String previous, PrivateKey key) {
        return sign(chainId, seq, hash, at, previous, false, key);
    }

    /** Makes and signs a checkpoint; {@code closed}: the chain's closing one. */
    public static Checkpoint sign(
            String chainId, long seq, String hash, Instant at, String previous, boolean closed, PrivateKey key) {
        Checkpoint unsigned = new Checkpoint(chainId, seq, hash, at, previous, "", closed);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(unsigned.signedBytes());
            return new Checkpoint(
                    chainId, seq, hash, at, previous, Base64.getEncoder().encodeToString(s.sign()), closed);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign a checkpoint with this key (Ed25519 expected)", e);
        }
    }

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        String text = "{\"at\":\"" + CanonicalForm.time(at) + "\",\"chainId\":" + ActivityJsonText.quote(chainId)
                + (closed ? ",\"closed\":true" : "") + ",\"hash\":\"" + hash + "\",\"previous\":\"" + previous
                + "\",\"seq\":" + seq + ",\"v\":1}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the signature is valid for {@code key}. */
    public boolean verify(PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signedBytes());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 (hex) of the signed bytes followed by the signature's bytes: what the next checkpoint links to. */
    public String id() {
        var md = HashChain.sha256();
        md.update(signedBytes());
        md.update(signature.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(md.digest());
    }

    /** One line of JSON. */
    public String toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("chainId", chainId)
                .put("seq", seq)
                .put("hash", hash)
                .put("at", at.toString())
                .put("previous", previous)
                .put("signature", signature);
        if (closed) {
            n.put("closed", true);
        }
        return n.toString();
    }

    /**
     * Reads a line written by {@link #toJson()}; a line without {@code closed} is not a closing checkpoint.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Checkpoint fromJson(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            JsonNode closed = n.path("closed");
            if (!closed.isMissingNode() && !closed.isBoolean()) {
                throw new IllegalArgumentException("closed is not a boolean");
            }
            return new Checkpoint(
                    n.get("chainId").asText(),
                    n.get("seq").asLong(),
                    n.get("hash").asText(),
                    Instant.parse(n.get("at").asText()),
                    n.get("previous").asText(),
                    n.get("signature").asText(),
                    closed.booleanValue());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Checkpoint c
                && seq == c.seq
                && closed == c.closed
                && chainId.equals(c.chainId)
                && hash.equals(c.hash)
                && at.equals(c.at)
                && previous.equals(c.previous)
                && signature.equals(c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chainId, seq, hash, at, previous, signature, closed);
    }

    @Override
    public String toString() {
        return "Checkpoint[chainId=" + chainId + ", seq=" + seq + ", hash=" + hash + ", at=" + at + ", previous="
                + previous + ", closed=" + closed + "]";
    }
}
