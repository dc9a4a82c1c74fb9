// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes through a real JUnit launcher and checks what the extension gave them. */
class AuditTrailExtensionTest {
    @Test
    void givesEachTestAFreshTrailSharedWithItsLifecycleMethodsAndClosesItAfter() {
        TwoTests.seen.clear();

        TestExecutionSummary summary = run(TwoTests.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(TwoTests.seen).hasSize(2).doesNotHaveDuplicates();
        assertThat(TwoTests.seen)
                .allSatisfy(trail -> assertThatThrownBy(() -> trail.recorder().record(ActivityLogs.login()))
                        .as("closed after its test")
                        .isInstanceOf(IllegalStateException.class));
    }

    @Test
    void refusesATrailOutsideOneTest() {
        TestExecutionSummary summary = run(TrailInBeforeAll.class);

        assertThat(summary.getFailures())
                .singleElement()
                .satisfies(f -> assertThat(f.getException())
                        .hasMessageContaining("An AuditTrail belongs to one test")
                        .hasMessageContaining("beforeAll"));
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    /** Not run by the build itself (a nested class): run by the tests above. */
    @ExtendWith(AuditTrailExtension.class)
    static class TwoTests {
        static final List<AuditTrail> seen = Collections.synchronizedList(new ArrayList<>());
        private AuditTrail fromBeforeEach;

        @BeforeEach
        void recordOne(AuditTrail trail) {
            fromBeforeEach = trail;
            trail.recorder().record(ActivityLogs.login());
        }

        @Test
        void first(AuditTrail trail) {
            check(trail);
        }

        @Test
        void second(AuditTrail trail) {
            check(trail);
        }

        @AfterEach
        void remember(AuditTrail trail) {
            assertThat(trail).isSameAs(fromBeforeEach);
            seen.add(trail);
        }

        private void check(AuditTrail trail) {
            assertThat(trail).isSameAs(fromBeforeEach);
            // only this test's own record: a trail shared with the other test would hold two
            assertThat(trail).hasRecordedExactly(1);
        }
    }

    @ExtendWith(AuditTrailExtension.class)
    static class TrailInBeforeAll {
        @BeforeAll
        static void beforeAll(AuditTrail trail) {
            trail.clear();
        }

        @Test
        void test() {}
    }
}
