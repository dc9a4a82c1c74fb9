// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.InMemoryActivityStore;
import dev.auditsdk.integrity.ActivityVerifier;
import dev.auditsdk.integrity.VerificationIssue;
import dev.auditsdk.integrity.VerificationIssue.Kind;
import dev.auditsdk.integrity.VerificationReport;
import dev.auditsdk.internal.integrity.HashChain;
import dev.auditsdk.spi.ActivityStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A tenant's auditor verifies chains that interleave tenants, without learning the other tenants' rows. */
class TenantVerificationTest {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One chain, tenants A, B, A, B, …, then a row without tenant every fifth position. */
    private final List<ActivityLog> rows = new ArrayList<>();

    TenantVerificationTest() {
        HashChain chain = HashChain.start("chain-1");
        for (int i = 0; i < 30; i++) {
            String tenant = i % 5 == 4 ? null : i % 2 == 0 ? "A" : "B";
            rows.add(chain.link(ActivityLog.builder(ActionType.UPDATE)
                    .occurredAt(T0.plusSeconds(i))
                    .actor("user-" + tenant + "-" + i)
                    .tenant(tenant)
                    .remarks("secret of " + tenant + " #" + i)
                    .target("Invoice", i)
                    .build()));
        }
    }

    private static InMemoryActivityStore store(List<ActivityLog> rows) {
        InMemoryActivityStore store = InMemoryActivityStore.create();
        store.append(rows);
        return store;
    }

    private static VerificationReport verify(ReadScope scope, ActivityStore store) {
        return scope.verify(store, null, ActivityVerifier.builder(), n -> true);
    }

    private List<ActivityLog> with(int index, UnaryOperator<ActivityLog.Builder> change) {
        List<ActivityLog> out = new ArrayList<>(rows);
        out.set(index, change.apply(rows.get(index).toBuilder()).build());
        return out;
    }

    private ActivityLog row(int index, String tenant) {
        ActivityLog r = rows.get(index);
        assertThat(r.tenant()).contains(tenant);
        return r;
    }

    @Test
    void aTenantsOwnRowsAloneLookLikeGapsButTheScopedVerificationIsClean() {
        InMemoryActivityStore store = store(rows);
        List<ActivityLog> onlyA = new ArrayList<>();
        ReadScope.tenant("A").over(store).forEachInChainOrder(ActivityQueryParameters.parse(Map.of()), onlyA::add);
        assertThat(ActivityVerifier.builder().build().verify(onlyA).issues())
                .extracting(VerificationIssue::kind)
                .contains(Kind.GAP);

        VerificationReport report = verify(ReadScope.tenant("A"), store);

        assertThat(report.clean()).as(report.toJson()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(rows.size());
    }

    @Test
    void anAlteredRowOfTheTenantIsNamed() {
        ActivityLog victim = row(2, "A");
        VerificationReport report = verify(ReadScope.tenant("A"), store(with(2, b -> b.remarks("rewritten"))));

        assertThat(report.clean()).isFalse();
        assertThat(report.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.ALTERED);
            assertThat(i.id()).isEqualTo(victim.id());
            assertThat(i.seq()).isEqualTo(3);
        });
    }

    @Test
    void aDeletedRowOfTheTenantIsReportedAsAGap() {
        List<ActivityLog> without = new ArrayList<>(rows);
        ActivityLog victim = without.remove(6);
        assertThat(victim.tenant()).contains("A");

        VerificationReport report = verify(ReadScope.tenant("A"), store(without));

        assertThat(report.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.GAP);
            assertThat(i.seq()).isEqualTo(7);
            // the row after the gap is B's: it is not named to A
            assertThat(i.id()).isNull();
            assertThat(i.detail()).contains("withheld");
        });
    }

    @Test
    void anAlteredRowOfAnotherTenantIsReportedWithoutItsIdOrContent() throws Exception {
        ActivityLog victim = row(3, "B");
        List<ActivityLog> tampered = with(3, b -> b.remarks("B changed this"));
        InMemoryActivityStore store = store(tampered);

        VerificationReport forA = verify(ReadScope.tenant("A"), store);

        assertThat(forA.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.ALTERED);
            assertThat(i.chainId()).isEqualTo("chain-1");
            assertThat(i.seq()).isEqualTo(4);
            assertThat(i.id()).isNull();
        });
        String json = forA.toJson();
        for (ActivityLog r : tampered) {
            if (!r.tenant().filter("A"::equals).isPresent()) {
                assertThat(json).doesNotContain(r.id().toString());
            }
        }
        assertThat(json).doesNotContain("secret of B").doesNotContain("B changed this");
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("perChain").get(0).get("rows").asLong()).isEqualTo(rows.size());

        // B's own auditor and the cross-tenant auditor are told which row
        assertThat(verify(ReadScope.tenant("B"), store).issues())
                .singleElement()
                .extracting(VerificationIssue::id)
                .isEqualTo(victim.id());
    }

    @Test
    void theCrossTenantVerificationIsTheVerifiersOwn() {
        List<ActivityLog> tampered = with(3, b -> b.remarks("B changed this"));
        tampered.remove(10);
        InMemoryActivityStore store = store(tampered);
        List<ActivityLog> ordered = new ArrayList<>(tampered);
        ordered.sort(ActivityStore.CHAIN_ORDER);

        VerificationReport all = verify(ReadScope.allTenants(), store);
        VerificationReport direct = ActivityVerifier.builder().build().verify(ordered);

        assertThat(all.issues()).isEqualTo(direct.issues()).hasSize(2);
        assertThat(all.issues()).allSatisfy(i -> assertThat(i.id()).isNotNull());
        assertThat(all.rowsValid()).isEqualTo(direct.rowsValid());
    }

    @Test
    void theReadApisVerificationIsScopedToTheCallersTenant() throws Exception {
        ActivityLog victim = row(3, "B");
        InMemoryActivityStore store = store(with(3, b -> b.remarks("B changed this")));
        ActivityReadHandler handler =
                ActivityReadHandler.builder(store).verificationsPerMinute(10).build();

        JsonNode forA = JSON.readTree(handler.handle(verifyAs("A")).bodyText());
        JsonNode forB = JSON.readTree(handler.handle(verifyAs("B")).bodyText());

        assertThat(forA.get("status").asText()).isEqualTo("tampered");
        assertThat(forA.get("scope").asText()).isEqualTo("tenant");
        assertThat(forA.get("issues").get(0).get("id").isNull()).isTrue();
        assertThat(forA.toString()).doesNotContain(victim.id().toString());
        assertThat(forB.get("issues").get(0).get("id").asText())
                .isEqualTo(victim.id().toString());
        JsonNode clean = JSON.readTree(ActivityReadHandler.builder(store(rows))
                .build()
                .handle(verifyAs("A"))
                .bodyText());
        assertThat(clean.get("status").asText()).isEqualTo("clean");
    }

    private static ReadRequest verifyAs(@Nullable String tenant) {
        ReadScope scope = tenant == null ? ReadScope.allTenants() : ReadScope.tenant(tenant);
        return new ReadRequest("verify", Map.of(), "auditor", true, scope, "GET", "/api/activity/verify");
    }
}
