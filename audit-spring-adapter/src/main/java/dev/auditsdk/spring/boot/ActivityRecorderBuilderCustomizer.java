// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.boot;

import dev.auditsdk.ActivityRecorder;

/**
 * A hook to adjust the {@link ActivityRecorder.Builder} after the {@code audit.*} properties were
 * applied and before the auto-configured recorder is built, e.g. to set a clock or retry policy:
 *
 * <pre>{@code
 * @Bean
 * ActivityRecorderBuilderCustomizer retries() {
 *     return builder -> builder.retry(20, Duration.ofMillis(200), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Customizers run in {@link org.springframework.core.annotation.Order} order.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ActivityRecorderBuilderCustomizer {
    /** Adjusts the builder in place. */
    void customize(ActivityRecorder.Builder builder);
}
