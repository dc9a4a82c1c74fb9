// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The example app's classpath for a child JVM: the driver's own classpath (benchmarks depends on the
 * example in test scope, so with {@code -Dexec.classpathScope=test} or under surefire Maven has already
 * resolved the example's jar and its dependencies into it) minus what only the driver uses.
 * slf4j-simple must go: next to the app's Logback, Spring Boot refuses to start; so must the Log4j
 * of the benchmark peers.
 */
final class AppClasspath {
    /** One class of each driver-only jar; whichever is loadable is located and left out. */
    private static final List<String> DRIVER_ONLY = List.of(
            "dev.auditsdk.benchmarks.AppClasspath",
            "org.slf4j.simple.SimpleServiceProvider",
            "org.openjdk.jmh.Main",
            "joptsimple.OptionParser",
            "org.apache.commons.math3.util.FastMath",
            "org.HdrHistogram.Histogram",
            // the benchmark peers': without the bridge (excluded in the pom) Log4j API would make Spring
            // log through Log4j instead of SLF4J and Logback
            "org.apache.logging.log4j.LogManager",
            "org.apache.logging.log4j.core.LoggerContext",
            "com.lmax.disruptor.RingBuffer",
            "org.jctools.queues.MpscArrayQueue");

    private AppClasspath() {}

    /** The classpath string to pass to {@code java -cp}. */
    static String forChild() {
        Set<Path> driverOnly = new HashSet<>();
        for (String name : DRIVER_ONLY) {
            Path p = location(name);
            if (p != null) {
                driverOnly.add(p);
            }
        }
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !driverOnly.contains(normalize(Path.of(e))))
                .collect(Collectors.joining(File.pathSeparator));
        requireOnPath("dev.auditsdk.examples.spring.BlogApplication", cp);
        return cp;
    }

    private static void requireOnPath(String className, String cp) {
        Path p = location(className);
        if (p == null
                || !Arrays.stream(cp.split(File.pathSeparator))
                        .map(e -> normalize(Path.of(e)))
                        .anyMatch(p::equals)) {
            throw new IllegalStateException(className + " is not on the driver's classpath: run with -am and"
                    + " -Dexec.classpathScope=test (the example is a test-scoped dependency)");
        }
    }

    private static @Nullable Path location(String className) {
        try {
            Class<?> c = Class.forName(className, false, AppClasspath.class.getClassLoader());
            CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null
                    ? null
                    : normalize(
                            Path.of(Objects.requireNonNull(source.getLocation()).toURI()));
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
