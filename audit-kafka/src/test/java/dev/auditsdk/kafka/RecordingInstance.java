package dev.auditsdk.kafka;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.OverflowPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One application instance, run in a child JVM by the tests: records {@code count} records through a
 * {@link KafkaActivitySink} (journal in {@code journalDir}), closes the recorder (which drains) and prints
 * its stats line, then {@code DONE}.
 */
public final class RecordingInstance {
    private RecordingInstance() {}

    public static void main(String[] args) {
        String bootstrap = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        String instance = args[3];
        Path journal = Path.of(args[4]);
        ActivityRecorder recorder = ActivityRecorder.builder()
                .sink(KafkaActivitySink.builder(bootstrap, topic)
                        .deliveryTimeout(Duration.ofSeconds(5))
                        .maxBlock(Duration.ofSeconds(2))
                        .build())
                .journal(journal)
                .batchSize(500)
                .overflow(OverflowPolicy.SPILL)
                .closeTimeout(Duration.ofSeconds(120))
                .build();
        for (int i = 0; i < count; i++) {
            recorder.record(ActivityLog.builder(ActionType.UPDATE)
                    .actor("user-" + (i % 50))
                    .target("Post", Integer.toString(i))
                    .remarks(instance + " record " + i)
                    .data(Map.of("instance", instance, "n", i))
                    .build());
        }
        recorder.close();
        System.out.println("STATS " + recorder.stats());
        System.out.println("DONE");
    }
}
