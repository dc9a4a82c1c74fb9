// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A blank actor names nobody: it is stored as anonymous, never as a user called "" or "   ". */
class BlankActorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", " \n "})
    void blankActorAndActorNameAreAnonymous(String blank) {
        ActivityLog log = ActivityLog.builder(ActionType.READ)
                .actor(blank)
                .actorName(blank)
                .build();
        assertThat(log.actor()).isEmpty();
        assertThat(log.actorName()).isEmpty();
        assertThat(Sanitizer.defaults().sanitize(log).actor()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void recorderStoresABlankActorAsAnonymous(String blank) {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder().store(store).build()) {
            recorder.record(ActionType.UPDATE, b -> b.actor(blank).actorName(blank));
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(store.find(ActivityQuery.latest()).items()).singleElement().satisfies(l -> {
            assertThat(l.actor()).isEmpty();
            assertThat(l.actorName()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", " alice ", "a b"})
    void aNonBlankActorIsKeptAsGiven(String actor) {
        assertThat(ActivityLog.builder(ActionType.READ).actor(actor).build().actor())
                .contains(actor);
    }
}
