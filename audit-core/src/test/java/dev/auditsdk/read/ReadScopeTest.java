package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReadScopeTest {
    private static final Instant BASE = Instant.parse("2026-05-01T00:00:00Z");

    private final InMemoryActivityStore store = InMemoryActivityStore.create();
    private final List<ActivityLog> a = new ArrayList<>();
    private final List<ActivityLog> b = new ArrayList<>();
    private final List<ActivityLog> none = new ArrayList<>();

    ReadScopeTest() {
        for (int i = 0; i < 30; i++) {
            ActivityLog log = record(
                    i,
                    switch (i % 3) {
                        case 0 -> "A";
                        case 1 -> "B";
                        default -> null;
                    });
            (i % 3 == 0 ? a : i % 3 == 1 ? b : none).add(log);
            store.append(List.of(log));
        }
    }

    private static ActivityLog record(int i, @Nullable String tenant) {
        return ActivityLog.builder(ActionType.READ)
                .occurredAt(BASE.plusSeconds(i))
                .actor("user" + i)
                .tenant(tenant)
                .remarks("record " + i)
                .build();
    }

    @Test
    void oneTenantReplacesTheQuerysTenantFilter() {
        ActivityStore asA = ReadScope.tenant("A").over(store);
        ActivityQuery askingForB =
                ActivityQuery.builder().tenant("B").limit(1000).build();

        assertThat(asA.find(askingForB).items()).containsExactlyInAnyOrderElementsOf(a);
        assertThat(asA.find(ActivityQuery.builder().limit(1000).build()).items())
                .containsExactlyInAnyOrderElementsOf(a);
        assertThat(ReadScope.tenant("A").restrict(askingForB).tenant()).contains("A");
    }

    @Test
    void crossTenantKeepsTheQuerysTenantFilterAndSeesRecordsWithoutTenant() {
        ActivityStore all = ReadScope.allTenants().over(store);

        assertThat(all.find(ActivityQuery.builder().tenant("B").limit(1000).build())
                        .items())
                .containsExactlyInAnyOrderElementsOf(b);
        assertThat(all.find(ActivityQuery.builder().limit(1000).build()).items())
                .hasSize(30);
        assertThat(all.get(none.get(0).id())).contains(none.get(0));
    }

    @Test
    void anotherTenantsRecordIsNotThereExactlyLikeAMissingId() {
        ActivityStore asA = ReadScope.tenant("A").over(store);

        assertThat(asA.get(b.get(0).id())).isEqualTo(asA.get(UUID.randomUUID())).isEmpty();
        assertThat(asA.get(none.get(0).id())).isEmpty();
        assertThat(asA.get(a.get(0).id())).contains(a.get(0));
    }

    @Test
    void anotherTenantsCursorYieldsOnlyOwnRecordsAfterThatPosition() {
        ActivityStore asB = ReadScope.tenant("B").over(store);
        String bCursor =
                asB.find(ActivityQuery.builder().limit(3).build()).nextCursor().orElseThrow();

        ActivityPage page = ReadScope.tenant("A")
                .over(store)
                .find(ActivityQuery.builder().cursor(bCursor).limit(1000).build());

        assertThat(page.items())
                .isNotEmpty()
                .allMatch(l -> l.tenant().orElse("").equals("A"));
    }

    @Test
    void exportThroughTheViewHoldsOnlyTheTenantsRows() throws Exception {
        StringWriter out = new StringWriter();
        long written = ActivityExport.start(
                        ReadScope.tenant("B"),
                        store,
                        ActivityQuery.builder().tenant("A").build(),
                        ExportFormat.JSONL)
                .writeTo(out);

        assertThat(written).isEqualTo(b.size());
        assertThat(out.toString().lines()).allMatch(line -> line.contains("\"tenant\":\"B\""));
    }

    @Test
    void aStoreThatIgnoresTheTenantFilterIsRefusedNotServed() {
        ActivityStore careless = new ActivityStore() {
            @Override
            public void append(List<ActivityLog> batch) {}

            @Override
            public ActivityPage find(ActivityQuery query) {
                return store.find(query.toBuilder().tenant(null).build());
            }

            @Override
            public Optional<ActivityLog> get(UUID id) {
                return store.get(id);
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                return 0;
            }
        };

        assertThatIllegalStateException()
                .isThrownBy(() -> ReadScope.tenant("A").over(careless).find(ActivityQuery.latest()))
                .withMessageContaining("outside");
    }

    @Test
    void theViewIsReadOnly() {
        ActivityStore view = ReadScope.allTenants().over(store);

        assertThatThrownBy(() -> view.append(List.of(record(99, "A"))))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.purgeBefore(BASE.plusSeconds(100)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.find(ActivityQuery.builder().limit(1000).build()).items())
                .hasSize(30);
    }

    @Test
    void callersScopeIsCrossTenantOwnTenantOrNothing() {
        assertThat(ReadScope.ofCaller(Optional.of("A"), true)).contains(ReadScope.allTenants());
        assertThat(ReadScope.ofCaller(Optional.empty(), true)).contains(ReadScope.allTenants());
        assertThat(ReadScope.ofCaller(Optional.of("A"), false)).contains(ReadScope.tenant("A"));
        assertThat(ReadScope.ofCaller(Optional.empty(), false)).isEmpty();
        assertThat(ReadScope.ofCaller(Optional.of("  "), false)).isEmpty();
        assertThat(ReadScope.tenant("A").isCrossTenant()).isFalse();
        assertThat(ReadScope.allTenants().tenant()).isEmpty();
    }

    @Test
    void badTenantsAreRefusedAtTheEdge() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReadScope.tenant(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> ReadScope.tenant("x".repeat(256)));
    }
}
