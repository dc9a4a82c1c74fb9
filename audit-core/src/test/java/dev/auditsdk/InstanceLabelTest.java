package dev.auditsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.spi.ActivityJson;
import org.junit.jupiter.api.Test;

/** The recorder's instance label: stamped on its records, kept in JSON, never replacing one already set. */
class InstanceLabelTest {
    @Test
    void theRecorderStampsItsInstanceLabelOnRecordsWithoutOne() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder = ActivityRecorder.builder()
                .store(store)
                .mode(RecorderMode.SYNC)
                .instance("web-1")
                .build()) {
            recorder.record(ActivityLog.builder(ActionType.READ).actor("a").build());
            recorder.record(ActivityLog.builder(ActionType.READ)
                    .actor("b")
                    .instance("batch-job")
                    .build());
        }
        assertThat(store.find(ActivityQuery.latest()).items())
                .extracting(l -> l.instance().orElse(""))
                .containsExactlyInAnyOrder("web-1", "batch-job");
    }

    @Test
    void aRecorderWithoutLabelLeavesItEmptyAndABlankLabelIsRejected() {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        try (ActivityRecorder recorder =
                ActivityRecorder.builder().store(store).mode(RecorderMode.SYNC).build()) {
            recorder.record(ActivityLog.builder(ActionType.READ).actor("a").build());
        }
        assertThat(store.find(ActivityQuery.latest()).items())
                .singleElement()
                .satisfies(l -> assertThat(l.instance()).isEmpty());
        assertThatThrownBy(() -> ActivityRecorder.builder().instance(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLabelSurvivesJsonAndIsBoundedByTheSanitizer() {
        ActivityLog log = ActivityLog.builder(ActionType.READ).instance("pod-7").build();
        assertThat(ActivityJson.fromJson(ActivityJson.toJson(log)).instance()).contains("pod-7");
        assertThat(ActivityJson.toApiJson(log)).doesNotContain("pod-7");
        ActivityLog longLabel = Sanitizer.defaults()
                .sanitize(ActivityLog.builder(ActionType.READ)
                        .instance("x".repeat(1000))
                        .build());
        assertThat(longLabel.instance().orElseThrow()).hasSizeLessThan(300);
    }
}
