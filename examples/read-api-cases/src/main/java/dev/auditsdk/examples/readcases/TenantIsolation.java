// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.readcases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.Target;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tenant check both examples run over real HTTP: two tenants' auditors and a cross-tenant one
 * send randomized read requests (filters, {@code tenant=} of the other tenant, the other tenant's ids,
 * cursors taken from the other tenant's pages, both exports, counts, verifications), and no tenant
 * auditor ever receives a record of another tenant (nor its id or content in a count or a
 * verification report), while the cross-tenant auditor sees both.
 */
public final class TenantIsolation {
    /** The tenants of the seeds. */
    public static final String A = "acme";

    public static final String B = "globex";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BASE = Instant.parse("2026-04-01T08:00:00Z");
    private static final List<String> ACTORS = List.of("alice", "bob", "carol", "dave");

    private final Map<String, ReadApiConsistency.Get> auditors;
    private final List<ActivityLog> seeds;
    private final Random random;
    private final List<String> cursors = new ArrayList<>();
    private final Map<String, Integer> requests = new LinkedHashMap<>();

    private TenantIsolation(Map<String, ReadApiConsistency.Get> auditors, List<ActivityLog> seeds, long seed) {
        this.auditors = auditors;
        this.seeds = seeds;
        this.random = new Random(seed);
    }

    /**
     * Records of tenant A, tenant B and no tenant, interleaved in time (pairs share a time).
     *
     * @param count how many
     */
    public static List<ActivityLog> seeds(int count) {
        List<ActivityLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tenant = i % 5 == 4 ? null : i % 2 == 0 ? A : B;
            logs.add(ActivityLog.builder(i % 3 == 0 ? ActionType.READ : ActionType.UPDATE)
                    .occurredAt(BASE.plusSeconds(i / 2))
                    .actor(ACTORS.get(i % ACTORS.size()))
                    .tenant(tenant)
                    .target("Post", Integer.toString(i % 7))
                    .remarks("tenant-check " + i + " of " + (tenant == null ? "nobody" : tenant))
                    .build());
        }
        return logs;
    }

    /**
     * A check of auditors {@code "A"}, {@code "B"} (one tenant each) and {@code "ALL"} (cross-tenant).
     *
     * @param seed the random seed, printed on failure so a run can be repeated
     */
    public static TenantIsolation of(Map<String, ReadApiConsistency.Get> auditors, List<ActivityLog> seeds, long seed) {
        assertThat(auditors).containsOnlyKeys("A", "B", "ALL");
        return new TenantIsolation(auditors, seeds, seed);
    }

    /**
     * Sends {@code count} random requests and checks every answer.
     *
     * @return how many requests of each kind were sent
     */
    public Map<String, Integer> run(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String who = List.of("A", "B", "ALL").get(random.nextInt(3));
            switch (random.nextInt(16)) {
                case 0, 1, 2, 3 -> list(who, filters(), null);
                case 4, 5 ->
                    list(who, filters(), cursors.isEmpty() ? null : cursors.get(random.nextInt(cursors.size())));
                case 6, 7 -> byId(who);
                case 8, 9 -> export(who, "jsonl");
                case 10, 11 -> export(who, "csv");
                case 12, 13, 14 -> count(who);
                default -> verify(who);
            }
        }
        return requests;
    }

    /**
     * The whole check: {@code count} random requests (at least 1,000 for the bar) by auditors
     * {@code "A"}, {@code "B"} and {@code "ALL"}, with a fresh random seed named in any failure.
     */
    public static void check(Map<String, ReadApiConsistency.Get> auditors, List<ActivityLog> seeds, int count)
            throws Exception {
        long seed = System.nanoTime();
        try {
            Map<String, Integer> sent = of(auditors, seeds, seed).run(count);
            assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(count);
            assertThat(sent).containsKeys("list", "byId", "export-jsonl", "export-csv", "count", "verify");
            assertThat(sent.getOrDefault("verify-answered", 0))
                    .as("verifications answered (not rate-limited)")
                    .isPositive();
        } catch (AssertionError e) {
            throw new AssertionError("TenantIsolation failed with seed " + seed + ": " + e.getMessage(), e);
        }
    }

    /**
     * A caller of {@code baseUrl} signed in with HTTP Basic as {@code user}, sending {@code headers}
     * (name, value, …) on every request.
     */
    public static ReadApiConsistency.Get basic(
            HttpClient client, String baseUrl, String user, String password, String... headers) {
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return path -> {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", auth);
            if (headers.length > 0) {
                b.headers(headers);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        };
    }

    /** The count answers exactly what the caller may see under the filters, never the other tenant's. */
    private void count(String who) throws Exception {
        Map<String, String> params = filters();
        params.remove("limit");
        // only the seeds carry this text: the trail also holds the records of these very reads
        params.put("q", "tenant-check");
        HttpResponse<String> r = send(who, "count", "/api/activity/count" + query(params));
        assertThat(r.statusCode()).as("%s count %s", who, params).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        String tenant = tenantOf(who);
        String asked = params.get("tenant");
        long expected = seeds.stream()
                .filter(l -> tenant != null
                        ? tenant.equals(l.tenant().orElse(null))
                        : asked == null || asked.equals(l.tenant().orElse(null)))
                .filter(l -> !params.containsKey("actor")
                        || params.get("actor").equals(l.actor().orElse(null)))
                .filter(l -> !params.containsKey("action")
                        || params.get("action").equals(l.action().name()))
                .filter(l -> !params.containsKey("targetId")
                        || params.get("targetId")
                                .equals(l.target().map(Target::id).orElse(null)))
                .count();
        assertThat(body.get("count").asLong()).as("%s count %s", who, params).isEqualTo(expected);
        assertThat(body.get("exact").asBoolean()).isTrue();
    }

    /**
     * A verification walks every tenant's rows (the chains interleave them) but a tenant's report
     * names none of the other tenant's rows; one runs at a time and a few a minute, so 429 is an answer too.
     */
    private void verify(String who) throws Exception {
        HttpResponse<String> r = send(who, "verify", "/api/activity/verify");
        if (r.statusCode() == 429) {
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            return;
        }
        assertThat(r.statusCode()).as("%s verify", who).isEqualTo(200);
        requests.merge("verify-answered", 1, Integer::sum);
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.get("status").asText())
                .as("%s verify: %s", who, r.body())
                .isEqualTo("clean");
        assertThat(report.get("rowsChecked").asLong()).isGreaterThanOrEqualTo(seeds.size());
        String tenant = tenantOf(who);
        assertThat(report.get("scope").asText()).isEqualTo(tenant == null ? "all tenants" : "tenant");
        if (tenant != null) {
            for (ActivityLog log : seeds) {
                if (!tenant.equals(log.tenant().orElse(null))) {
                    assertThat(r.body()).doesNotContain(log.id().toString());
                }
            }
            assertThat(r.body()).doesNotContain("tenant-check");
        }
    }

    private @Nullable String tenantOf(String who) {
        return who.equals("A") ? A : who.equals("B") ? B : null;
    }

    private Map<String, String> filters() {
        Map<String, String> f = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            f.put("tenant", random.nextBoolean() ? A : B);
        }
        if (random.nextInt(3) == 0) {
            f.put("actor", ACTORS.get(random.nextInt(ACTORS.size())));
        }
        if (random.nextInt(4) == 0) {
            f.put("action", random.nextBoolean() ? "Read" : "Update");
        }
        if (random.nextInt(4) == 0) {
            f.put("targetId", Integer.toString(random.nextInt(7)));
        }
        if (random.nextInt(3) == 0) {
            f.put("q", "tenant-check");
        }
        f.put("limit", Integer.toString(1 + random.nextInt(40)));
        return f;
    }

    private void list(String who, Map<String, String> filters, @Nullable String cursor) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(filters);
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        HttpResponse<String> r = send(who, "list", "/api/activity" + query(params));
        assertThat(r.statusCode()).as("%s %s", who, params).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        checkItems(who, params, items);
        JsonNode next = page.get("nextCursor");
        if (next != null && !next.isNull()) {
            cursors.add(next.asText());
        }
    }

    private void byId(String who) throws Exception {
        boolean missing = random.nextInt(8) == 0;
        ActivityLog log = seeds.get(random.nextInt(seeds.size()));
        UUID id = missing ? UUID.randomUUID() : log.id();
        HttpResponse<String> r = send(who, "byId", "/api/activity/" + id);
        String tenant = tenantOf(who);
        boolean visible =
                !missing && (tenant == null || tenant.equals(log.tenant().orElse(null)));
        if (visible) {
            assertThat(r.statusCode()).as("%s reads own %s", who, id).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("id").asText()).isEqualTo(id.toString());
        } else {
            // exactly the answer for an id that does not exist: nothing tells the record is there
            assertThat(r.statusCode()).as("%s reads foreign %s", who, id).isEqualTo(404);
            assertThat(r.body()).doesNotContain(log.remarks().orElseThrow());
            UUID absentId = UUID.randomUUID();
            HttpResponse<String> absent = send(who, "byId", "/api/activity/" + absentId);
            assertThat(r.body().replace(id.toString(), "ID"))
                    .isEqualTo(absent.body().replace(absentId.toString(), "ID"));
        }
    }

    private void export(String who, String format) throws Exception {
        Map<String, String> params = filters();
        params.remove("limit");
        params.put("format", format);
        HttpResponse<String> r = send(who, "export-" + format, "/api/activity/export" + query(params));
        assertThat(r.statusCode()).as("%s %s", who, params).isEqualTo(200);
        if (format.equals("jsonl")) {
            List<JsonNode> items = new ArrayList<>();
            for (String line : r.body().lines().toList()) {
                items.add(JSON.readTree(line));
            }
            checkItems(who, params, items);
            if (!params.containsKey("actor") && !params.containsKey("action") && !params.containsKey("targetId")) {
                checkComplete(who, params, items);
            }
        } else {
            // id, occurredAt, actor, actorName, tenant come first and hold no commas here
            String tenant = tenantOf(who);
            List<String> rows = r.body().lines().skip(1).toList();
            for (String row : rows) {
                String[] fields = row.split(",", 6);
                if (tenant != null) {
                    assertThat(fields[4]).as("%s csv %s: %s", who, params, row).isEqualTo(tenant);
                } else if (params.containsKey("tenant")) {
                    assertThat(fields[4]).as("cross-tenant csv %s", params).isEqualTo(params.get("tenant"));
                }
            }
        }
    }

    /** No stranger: a tenant auditor gets only their tenant; the cross-tenant one what it filtered for. */
    private void checkItems(String who, Map<String, String> params, List<JsonNode> items) {
        String tenant = tenantOf(who);
        String asked = params.get("tenant");
        for (JsonNode item : items) {
            JsonNode t = item.get("tenant");
            String itemTenant = t == null || t.isNull() ? null : t.asText();
            if (tenant != null) {
                assertThat(itemTenant)
                        .as("%s got %s with %s", who, item.get("id"), params)
                        .isEqualTo(tenant);
            } else if (asked != null) {
                assertThat(itemTenant).as("cross-tenant filter %s", params).isEqualTo(asked);
            }
        }
    }

    /** And no gap: the export holds every seed the caller may see under the filter, the cross-tenant one both tenants'. */
    private void checkComplete(String who, Map<String, String> params, List<JsonNode> items) {
        Set<String> got = new HashSet<>();
        items.forEach(i -> got.add(i.get("id").asText()));
        String tenant = tenantOf(who);
        String asked = params.get("tenant");
        for (ActivityLog log : seeds) {
            String own = log.tenant().orElse(null);
            boolean expected =
                    (tenant == null || tenant.equals(own)) && (tenant != null || asked == null || asked.equals(own));
            if (tenant != null && asked != null && !asked.equals(tenant)) {
                expected = tenant.equals(own); // the scope replaces the other tenant's filter
            }
            assertThat(got.contains(log.id().toString()))
                    .as("%s export %s holds %s (tenant %s)", who, params, log.id(), own)
                    .isEqualTo(expected);
        }
    }

    private HttpResponse<String> send(String who, String kind, String path) throws Exception {
        requests.merge(kind, 1, Integer::sum);
        return Objects.requireNonNull(auditors.get(who)).get(path);
    }

    private static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
