// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.internal.integrity.CanonicalForm;
import dev.auditsdk.internal.integrity.HashChain;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The writer thread's per-record integrity cost: linking one typical record into the hash chain
 * (canonical bytes, SHA-256 over them and the previous hash, the chained copy of the record), and
 * the canonical bytes alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ChainBenchmark {
    private ActivityLog log;
    private HashChain chain;

    @Setup
    public void setUp() {
        log = BenchRows.make(1, 7, Instant.now(), Duration.ofSeconds(1), 10, 10).get(0);
        chain = HashChain.start();
    }

    @Benchmark
    public ActivityLog link() {
        return chain.link(log);
    }

    @Benchmark
    public byte[] canonicalBytes() {
        return CanonicalForm.bytes(log, "0190c3b2-7a3e-7c1e-9d5e-3f1a2b3c4d5e", 42);
    }
}
