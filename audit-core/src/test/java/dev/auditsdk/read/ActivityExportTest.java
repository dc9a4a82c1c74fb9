package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityPage;
import dev.auditsdk.ActivityQuery;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.spi.ActivityStore;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityExportTest {
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

    /** A store that counts its queries and the largest page asked for. */
    static final class CountingStore implements ActivityStore {
        final InMemoryActivityStore delegate = InMemoryActivityStore.create();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public void append(List<ActivityLog> batch) {
            delegate.append(batch);
        }

        @Override
        public ActivityPage find(ActivityQuery query) {
            limits.add(query.limit());
            return delegate.find(query);
        }

        @Override
        public java.util.Optional<ActivityLog> get(UUID id) {
            return delegate.get(id);
        }

        @Override
        public long purgeBefore(Instant cutoff) {
            return delegate.purgeBefore(cutoff);
        }
    }

    private static CountingStore storeWith(int records) {
        CountingStore store = new CountingStore();
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            logs.add(ActivityLog.builder(i % 2 == 0 ? ActionType.CREATE : ActionType.READ)
                    .occurredAt(BASE.plusSeconds(i))
                    .remarks("record " + i)
                    .build());
        }
        store.append(logs);
        return store;
    }

    @Test
    void streamsEveryMatchingRecordNewestFirstPageByPage() throws Exception {
        CountingStore store = storeWith(2_500);
        ActivityQuery query =
                ActivityQuery.builder().action(ActionType.CREATE).limit(7).build();
        StringWriter out = new StringWriter();
        long written = ActivityExport.start(ReadScope.allTenants(), store, query, ExportFormat.JSONL)
                .writeTo(out);

        List<String> lines = out.toString().lines().toList();
        assertThat(written).isEqualTo(1_250).isEqualTo(lines.size());
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("remarks").asText()).isEqualTo("record 2498");
        assertThat(json.readTree(lines.get(1_249)).get("remarks").asText()).isEqualTo("record 0");
        assertThat(store.limits).containsExactly(1000, 1000);
    }

    @Test
    void csvHasTheHeaderEvenWhenNothingMatches() throws Exception {
        CountingStore store = storeWith(3);
        StringWriter out = new StringWriter();
        ActivityQuery none = ActivityQuery.builder().actor("nobody").build();
        assertThat(ActivityExport.start(ReadScope.allTenants(), store, none, ExportFormat.CSV)
                        .writeTo(out))
                .isZero();
        assertThat(out.toString()).isEqualTo(String.join(",", ActivityCsvWriter.columns()) + "\r\n");

        StringWriter all = new StringWriter();
        ActivityExport.start(ReadScope.allTenants(), store, ActivityQuery.latest(), ExportFormat.CSV)
                .writeTo(all);
        assertThat(all.toString().split("\r\n")).hasSize(4);
        assertThat(all.toString().split("\r\n")[1]).contains(",record 2,");
    }

    @Test
    void aQueryTheStoreRefusesFailsBeforeAnythingIsWritten() {
        CountingStore store = storeWith(1);
        ActivityQuery bad = ActivityQuery.builder().cursor("garbage!").build();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActivityExport.start(ReadScope.allTenants(), store, bad, ExportFormat.CSV));
    }

    @Test
    void writesOnce() throws Exception {
        ActivityExport export =
                ActivityExport.start(ReadScope.allTenants(), storeWith(1), ActivityQuery.latest(), ExportFormat.CSV);
        export.writeTo(new StringWriter());
        assertThatIllegalStateException().isThrownBy(() -> export.writeTo(new StringWriter()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "CSV", " Csv ", "jsonl", "JSONL", "JsonL"})
    void formatsParseInAnyCase(String name) {
        assertThat(ExportFormat.parse(name).extension()).isEqualTo(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void unknownFormatsAreAClearError() {
        for (String bad : List.of("xlsx", "", "json", "csv,jsonl")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ExportFormat.parse(bad))
                    .withMessageContaining("'format'");
        }
        assertThat(ExportFormat.fromParameters(Map.of())).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.fromParameters(Map.of("format", new String[] {"JSONL"})))
                .isEqualTo(ExportFormat.JSONL);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExportFormat.fromParameters(Map.of("format", new String[] {"csv", "jsonl"})));
    }
}
