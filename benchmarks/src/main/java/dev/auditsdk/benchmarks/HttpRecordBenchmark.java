// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import dev.auditsdk.http.HeaderLookup;
import dev.auditsdk.http.HttpActivityMapper;
import dev.auditsdk.http.HttpExchange;
import dev.auditsdk.http.HttpRequestView;
import dev.auditsdk.http.TrustedProxies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Everything an HTTP adapter does on the request thread for one request: open the context (request
 * id, trace id, trusted-proxy client IP), map the finished exchange to a record (action, status,
 * actor, the seed's remarks) and hand it to the recorder. The framework's own work is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class HttpRecordBenchmark {
    private final LongAdder sunk = new LongAdder();
    private ActivityRecorder recorder;
    private HttpActivityMapper mapper;
    private HttpRequestView request;

    @Setup(Level.Trial)
    public void start() {
        recorder = ActivityRecorder.builder()
                .sink(batch -> sunk.add(batch.size()))
                .overflow(OverflowPolicy.DROP)
                .build();
        mapper = HttpActivityMapper.builder()
                .trustedProxies(TrustedProxies.of("10.0.0.0/8"))
                .build();
        HeaderLookup headers = HeaderLookup.of(Map.of(
                "X-Forwarded-For", List.of("203.0.113.7, 10.0.0.2"),
                "User-Agent", List.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"),
                "traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        request = HttpRequestView.builder("PUT", "/api/posts/7")
                .remoteAddress("10.0.0.1")
                .headers(headers)
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        recorder.close(Duration.ofSeconds(30));
    }

    @Benchmark
    public Optional<ActivityLog> oneRequest() {
        Optional<ActivityLog> log;
        try (ActivityContext.Scope scope = mapper.openContext(request)) {
            HttpExchange exchange = HttpExchange.builder(request)
                    .route("/api/posts/{id}")
                    .status(200)
                    .principal("alice")
                    .durationNanos(1_000_000)
                    .build();
            log = mapper.map(exchange, scope.context());
            log.ifPresent(recorder::record);
        }
        return log;
    }
}
