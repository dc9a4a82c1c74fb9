// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The queue alone: handing a pre-built record to one background consumer through the queue
 * {@code record()} uses ({@link ArrayBlockingQueue#offer}, drained with {@code drainTo} like our
 * writer), an LMAX Disruptor ring buffer (multi-producer, {@code tryNext}/{@code publish}, drained
 * by an {@link EventPoller}) and a JCTools {@link MpscArrayQueue}. All hold 65,536 entries. The
 * consumer drains up to 1,000 at a time and parks 50 µs when it finds nothing; producers never
 * signal it. A full queue rejects at once, like {@code OverflowPolicy.DROP}: rejections are counted
 * per producer and printed at tear-down, so a queue never looks fast by losing silently (in a
 * flood on a small machine the consumer falls behind and the flood figures mix successful and
 * rejected offers; the paced ones do not).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class QueueBenchmark {
    private static final int CAPACITY = 65_536;
    private static final int DRAIN_LIMIT = 1_000;
    private static final long IDLE_PARK_NANOS = 50_000;
    static final long PACE_TOKENS = 256;

    @Param({"ArrayBlockingQueue", "Disruptor", "MpscArrayQueue"})
    public String queue;

    private Lane lane;
    private Thread consumer;
    private volatile boolean running;
    private final ActivityLog record =
            ActivityLog.builder(ActionType.UPDATE).actor("alice").build();

    /** One producer's counts. */
    @State(Scope.Thread)
    public static class Producer {
        long offered;
        long rejected;

        @TearDown(Level.Trial)
        public void print() {
            System.out.printf(" [producer: %d offered, %d rejected (queue full)] ", offered, rejected);
        }
    }

    @Setup(Level.Trial)
    public void start() {
        lane = switch (queue) {
            case "ArrayBlockingQueue" -> new BlockingLane();
            case "Disruptor" -> new DisruptorLane();
            case "MpscArrayQueue" -> new MpscLane();
            default -> throw new IllegalArgumentException(queue);
        };
        running = true;
        consumer = new Thread(this::drainLoop, "queue-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running = false;
        consumer.join(10_000);
    }

    @Benchmark
    public boolean offer(Producer p) {
        return offer(p, record);
    }

    @Benchmark
    @Threads(2)
    public boolean offer2(Producer p) {
        return offer(p, record);
    }

    /**
     * Paced ({@value #PACE_TOKENS} tokens, roughly 0.4 µs, between offers): the consumer keeps up
     * and nothing is rejected, the request-thread case; subtract {@link #pacedBaseline}.
     */
    @Benchmark
    public boolean pacedOffer(Producer p) {
        Blackhole.consumeCPU(PACE_TOKENS);
        return offer(p, record);
    }

    @Benchmark
    @Threads(2)
    public boolean pacedOffer2(Producer p) {
        Blackhole.consumeCPU(PACE_TOKENS);
        return offer(p, record);
    }

    @Benchmark
    public void pacedBaseline() {
        Blackhole.consumeCPU(PACE_TOKENS);
    }

    @Benchmark
    @Threads(2)
    public void pacedBaseline2() {
        Blackhole.consumeCPU(PACE_TOKENS);
    }

    private boolean offer(Producer p, ActivityLog log) {
        p.offered++;
        boolean ok = lane.offer(log);
        if (!ok) {
            p.rejected++;
        }
        return ok;
    }

    private void drainLoop() {
        while (running) {
            if (lane.drain() == 0) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }

    /** One queue under test: multi-producer offer, single-consumer drain. */
    private interface Lane {
        boolean offer(ActivityLog log);

        /** Takes up to {@link #DRAIN_LIMIT} entries; returns how many. */
        int drain();
    }

    private static final class BlockingLane implements Lane {
        private final ArrayBlockingQueue<ActivityLog> q = new ArrayBlockingQueue<>(CAPACITY);
        private final List<ActivityLog> batch = new ArrayList<>(DRAIN_LIMIT);

        @Override
        public boolean offer(ActivityLog log) {
            return q.offer(log);
        }

        @Override
        public int drain() {
            int n = q.drainTo(batch, DRAIN_LIMIT);
            batch.clear();
            return n;
        }
    }

    private static final class MpscLane implements Lane {
        private final MpscArrayQueue<ActivityLog> q = new MpscArrayQueue<>(CAPACITY);
        private long taken;

        @Override
        public boolean offer(ActivityLog log) {
            return q.offer(log);
        }

        @Override
        public int drain() {
            return q.drain(log -> taken++, DRAIN_LIMIT);
        }
    }

    private static final class DisruptorLane implements Lane {
        /** A ring buffer slot. */
        private static final class Slot {
            ActivityLog log;
        }

        // No producer ever waits on the strategy; its signal on publish is a no-op.
        private final RingBuffer<Slot> ring =
                RingBuffer.createMultiProducer(Slot::new, CAPACITY, new YieldingWaitStrategy());
        private final EventPoller<Slot> poller = ring.newPoller();
        private int taken;
        private final EventPoller.Handler<Slot> handler = (slot, sequence, endOfBatch) -> {
            slot.log = null;
            return ++taken < DRAIN_LIMIT;
        };

        DisruptorLane() {
            ring.addGatingSequences(poller.getSequence());
        }

        @Override
        public boolean offer(ActivityLog log) {
            long sequence;
            try {
                sequence = ring.tryNext();
            } catch (InsufficientCapacityException full) {
                return false;
            }
            ring.get(sequence).log = log;
            ring.publish(sequence);
            return true;
        }

        @Override
        public int drain() {
            taken = 0;
            try {
                poller.poll(handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return taken;
        }
    }
}
