package dev.auditsdk.internal.checkpoint;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.integrity.Checkpoint;
import dev.auditsdk.integrity.Checkpoints;
import dev.auditsdk.internal.integrity.HashChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one recorder's checkpoints; called by its writer thread. A failing sink is logged and
 * retried at the next tick, never thrown into the recorder. Made by {@link #start}.
 *
 * @since 0.1
 */
public final class Checkpointer {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Checkpoints config;
    private final HashChain chain;
    private long lastSeq = -1;
    private long lastAt;
    private String previous;
    private boolean closed;

    /** Starts checkpointing {@code chain} as {@code config} says: writes its opening checkpoint. */
    public static Checkpointer start(Checkpoints config, HashChain chain) {
        return new Checkpointer(config, chain);
    }

    private Checkpointer(Checkpoints config, HashChain chain) {
        this.config = config;
        this.chain = chain;
        // Checkpoints link per chain, so recorders sharing one sink do not break each other's links.
        this.previous = "";
        tick(true);
    }

    /**
     * Writes a checkpoint of the chain's head when it moved and one is due ({@code force}: whenever it moved).
     */
    public synchronized void tick(boolean force) {
        ActivityLog.Integrity head = chain.head();
        long now = System.nanoTime();
        if (closed || (!force && lastSeq < 0)) {
            return;
        }
        if (head.seq() == lastSeq) {
            // a chain that did not move still shows it is alive, when heartbeats are on
            if (config.heartbeat().isPresent()
                    && now - lastAt >= config.heartbeat().get().toNanos()) {
                write(head, false, now);
            }
            return;
        }
        boolean due = force
                || head.seq() - lastSeq >= config.records()
                || now - lastAt >= config.interval().toNanos();
        if (due) {
            write(head, false, now);
        }
    }

    /**
     * Writes the chain's closing checkpoint at its head, even when the head was just checkpointed:
     * the verifier then reports rows after it as appended. Called once the recorder stopped chaining
     * records (its writer ended and the rest were journaled); later ticks and closes do nothing.
     */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = write(chain.seal(), true, System.nanoTime());
    }

    private boolean write(ActivityLog.Integrity head, boolean closing, long now) {
        try {
            Checkpoint c = config.sign(chain.id(), head.seq(), head.hash(), previous, closing);
            config.sink().write(c);
            previous = c.id();
            lastSeq = head.seq();
            lastAt = now;
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "Audit checkpoint for chain {} at seq {} could not be written: {}",
                    chain.id(),
                    head.seq(),
                    e.toString());
            return false;
        }
    }
}
