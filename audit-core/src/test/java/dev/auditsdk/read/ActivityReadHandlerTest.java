package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.RecorderMode;
import dev.auditsdk.Status;
import dev.auditsdk.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivityReadHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryActivityStore trail = InMemoryActivityStore.create();
    private final ActivityRecorder app =
            ActivityRecorder.builder().store(trail).mode(RecorderMode.SYNC).build();
    private final InMemoryActivityStore reads = InMemoryActivityStore.create();
    private final ActivityRecorder readRecorder =
            ActivityRecorder.builder().store(reads).mode(RecorderMode.SYNC).build();

    @AfterEach
    void close() {
        app.close();
        readRecorder.close();
    }

    private ActivityReadHandler handler(InMemoryActivityStore store) {
        return ActivityReadHandler.builder(store)
                .recorder(readRecorder)
                .countBound(3)
                .verificationsPerMinute(2)
                .clock(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    private static ReadRequest auditor(String path, String... nameValues) {
        return request(path, "ann", true, nameValues);
    }

    private static ReadRequest request(String path, @Nullable String user, boolean permitted, String... nameValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], new String[] {nameValues[i + 1]});
        }
        return new ReadRequest(path, params, user, permitted, ReadScope.allTenants(), "GET", "/api/activity/" + path);
    }

    private static JsonNode json(ReadResponse r) throws Exception {
        return JSON.readTree(r.bodyText());
    }

    private void fill(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            app.record(ActionType.UPDATE, b -> b.actor("u" + (k % 2)).target("Post", Integer.toString(k)));
        }
    }

    @Test
    void onlyAuthenticatedCallersInTheRoleRead() throws Exception {
        ActivityReadHandler h = handler(trail);
        assertThat(h.handle(request("", null, false)).status()).isEqualTo(401);
        ReadResponse forbidden = h.handle(request("count", "bob", false));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(json(forbidden).get("message").asText()).contains("AUDITOR");
        assertThat(h.handle(auditor("")).status()).isEqualTo(200);
        // no capture around these calls: the handler recorded each read itself
        assertThat(reads.all())
                .extracting(l -> l.status(), l -> l.actor().orElse(null))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Status.FAILED, null),
                        org.assertj.core.groups.Tuple.tuple(Status.FAILED, "bob"),
                        org.assertj.core.groups.Tuple.tuple(Status.SUCCESS, "ann"));
        assertThat(reads.all()).allSatisfy(l -> assertThat(l.target()).contains(Target.of("ActivityLog", "*")));
    }

    @Test
    void badParametersAnswer400WithTheMessage() throws Exception {
        ReadResponse r = handler(trail).handle(auditor("", "status", "bogus"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("bad_request");
        assertThat(json(r).get("message").asText()).contains("'status'").contains("bogus");
        assertThat(handler(trail).handle(auditor("not-an-id")).status()).isEqualTo(400);
        assertThat(handler(trail).handle(auditor("export", "format", "xml")).status())
                .isEqualTo(400);
    }

    @Test
    void listsCountsAndGetsById() throws Exception {
        fill(5);
        ActivityReadHandler h = handler(trail);
        JsonNode page = json(h.handle(auditor("", "actor", "u0", "limit", "2")));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("nextCursor").isTextual()).isTrue();

        JsonNode exact = json(h.handle(auditor("count", "actor", "u1")));
        assertThat(exact.get("count").asLong()).isEqualTo(2);
        assertThat(exact.get("exact").asBoolean()).isTrue();
        JsonNode bounded = json(h.handle(auditor("count")));
        assertThat(bounded.get("count").asLong()).isEqualTo(3);
        assertThat(bounded.get("exact").asBoolean()).isFalse();

        ActivityLog first = trail.all().get(0);
        JsonNode one = json(h.handle(auditor("/" + first.id())));
        assertThat(one.get("id").asText()).isEqualTo(first.id().toString());
        ReadResponse missing = h.handle(auditor("0190a0a0-0000-7000-8000-000000000000"));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void exportHoldsExactlyTheFilteredRows() {
        fill(5);
        ReadResponse r = handler(trail).handle(auditor("export", "actor", "u0", "format", "jsonl"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).startsWith("application/x-ndjson");
        assertThat(r.headers().get("Content-Disposition"))
                .isEqualTo("attachment; filename=\"activity-20260501-100000.jsonl\"");
        assertThat(r.bodyText().lines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("\"actor\":\"u0\""));
        assertThat(reads.all()).extracting(ActivityLog::action).containsExactly(ActivityExport.ACTION);
    }

    @Test
    void verificationIsCleanThenNamesTheAlteredRowAndIsRateLimited() throws Exception {
        fill(4);
        JsonNode clean = json(handler(trail).handle(auditor("verify")));
        assertThat(clean.get("status").asText()).isEqualTo("clean");
        assertThat(clean.get("rowsChecked").asLong()).isEqualTo(4);
        assertThat(clean.get("complete").asBoolean()).isTrue();

        InMemoryActivityStore tampered = InMemoryActivityStore.create();
        List<ActivityLog> rows = trail.all();
        ActivityLog victim = rows.get(1);
        tampered.append(rows.stream()
                .map(l -> l == victim ? l.toBuilder().actor("mallory").build() : l)
                .toList());
        ActivityReadHandler h = handler(tampered);
        JsonNode report = json(h.handle(auditor("verify")));
        assertThat(report.get("status").asText()).isEqualTo("tampered");
        assertThat(report.get("issues").get(0).get("kind").asText()).isEqualTo("ALTERED");
        assertThat(report.get("issues").get(0).get("id").asText())
                .isEqualTo(victim.id().toString());

        assertThat(h.handle(auditor("verify")).status()).isEqualTo(200);
        ReadResponse limited = h.handle(auditor("verify"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("Retry-After")).isEqualTo("60");
        assertThat(reads.all()).extracting(ActivityLog::action).contains(ActivityReadHandler.VERIFY);
    }

    @Test
    void verificationStopsAtTheRowBound() throws Exception {
        fill(5);
        ActivityReadHandler h =
                ActivityReadHandler.builder(trail).verifyMaxRows(2).build();
        JsonNode report = json(h.handle(auditor("verify")));
        assertThat(report.get("rowsChecked").asLong()).isEqualTo(2);
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("limitedBy").asText()).isEqualTo("rows");
    }
}
