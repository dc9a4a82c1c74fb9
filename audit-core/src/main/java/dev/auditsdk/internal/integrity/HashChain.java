// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.integrity;

import dev.auditsdk.ActivityLog;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One writer's hash chain: gives each record the next {@code chain_seq}, links it to the previous
 * record's hash and computes its own ({@link CanonicalForm} describes the bytes). Each recorder
 * instance starts a chain with a fresh random id, so several application instances writing to one
 * database never fork a chain. Thread-safe.
 *
 * @since 0.1
 */
public final class HashChain {
    private static final HexFormat HEX = HexFormat.of();

    private final String chainId;
    private final MessageDigest digest;
    private final CanonicalWriter canonical = new CanonicalWriter();
    private long seq;
    private boolean sealed;
    private String head;

    private HashChain(String chainId, long seq, String head) {
        this.chainId = chainId;
        this.seq = seq;
        this.head = head;
        this.digest = sha256();
    }

    /** A new chain with a random id. */
    public static HashChain start() {
        return new HashChain(UUID.randomUUID().toString(), 0, "");
    }

    /** A new chain with this id (tests, tools). */
    public static HashChain start(String chainId) {
        return new HashChain(Objects.requireNonNull(chainId, "chainId"), 0, "");
    }

    /** The chain id. */
    public String id() {
        return chainId;
    }

    /**
     * Returns {@code log} with its integrity set to the next position of this chain. A record
     * already carrying integrity values (e.g. replayed from a journal) is returned unchanged.
     */
    public synchronized ActivityLog link(ActivityLog log) {
        if (log.integrity().isPresent()) {
            return log;
        }
        if (sealed) {
            // A record racing the recorder's close would land after the closing checkpoint and be
            // reported as appended: refuse it instead (the caller counts it).
            throw new IllegalStateException("audit chain " + chainId + " is closed");
        }
        long next = seq + 1;
        // The digest and the canonical buffer are reused: the writer chains every record.
        String hash = hash(digest, canonical, log, chainId, next, head);
        ActivityLog.Integrity integrity = new ActivityLog.Integrity(chainId, next, head, hash);
        seq = next;
        head = hash;
        return log.toBuilder().integrity(integrity).build();
    }

    /**
     * Closes the chain: later {@link #link} calls for unchained records throw. Returns the final
     * head, atomically with closing, for the closing checkpoint.
     */
    public synchronized ActivityLog.Integrity seal() {
        sealed = true;
        return head();
    }

    /** The last position handed out: {@code (seq, hash)}; seq 0 before the first record. */
    public synchronized ActivityLog.Integrity head() {
        return new ActivityLog.Integrity(chainId, seq, "", head);
    }

    /**
     * Computes {@code SHA-256(canonical(log, chainId, seq) ‖ bytes(prevHash))} as lower-case hex.
     *
     * @throws IllegalArgumentException if {@code prevHash} is neither empty nor 64 hex digits
     */
    public static String hash(ActivityLog log, String chainId, long seq, String prevHash) {
        return hash(sha256(), log, chainId, seq, prevHash);
    }

    static String hash(MessageDigest md, ActivityLog log, String chainId, long seq, String prevHash) {
        return hash(md, new CanonicalWriter(), log, chainId, seq, prevHash);
    }

    /** As above, reusing the caller's digest and canonical buffer (the verifier's per-row path). */
    public static String hash(
            MessageDigest md, CanonicalWriter canonical, ActivityLog log, String chainId, long seq, String prevHash) {
        if (!prevHash.isEmpty() && prevHash.length() != 64) {
            throw new IllegalArgumentException("prevHash must be 64 hex digits");
        }
        md.reset();
        canonical.write(log, chainId, seq);
        md.update(canonical.buffer(), 0, canonical.length());
        if (!prevHash.isEmpty()) {
            md.update(HEX.parseHex(prevHash));
        }
        return HEX.formatHex(md.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
