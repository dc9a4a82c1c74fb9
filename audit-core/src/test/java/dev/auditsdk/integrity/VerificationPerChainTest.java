package dev.auditsdk.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.internal.integrity.HashChain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many instances, one trail: the report says, chain by chain, what it read and what it found. */
class VerificationPerChainTest {
    @Test
    void eachChainIsReportedOnItsOwnAndOnlyTheTamperedOneHasFindings() {
        List<ActivityLog> rows = new ArrayList<>();
        HashChain a = HashChain.start("chain-a");
        HashChain b = HashChain.start("chain-b");
        for (int i = 0; i < 5; i++) {
            rows.add(a.link(ActivityLog.builder(ActionType.READ).actor("a" + i).build()));
            rows.add(b.link(ActivityLog.builder(ActionType.READ).actor("b" + i).build()));
        }
        rows.add(b.link(ActivityLog.builder(ActionType.READ).actor("b5").build()));
        ActivityLog victim = rows.get(3); // chain-b, seq 2
        rows.set(3, victim.toBuilder().actor("mallory").build());
        // arrival order interleaves the chains: the verifier reads in chain order
        rows.sort(Comparator.comparing(
                        (ActivityLog l) -> l.integrity().orElseThrow().chainId())
                .thenComparingLong(l -> l.integrity().orElseThrow().seq()));

        VerificationReport report = ActivityVerifier.builder().build().verify(rows);

        assertThat(report.perChain())
                .containsExactly(
                        new VerificationReport.ChainSummary("chain-a", 5, 5, 0),
                        new VerificationReport.ChainSummary("chain-b", 6, 6, report.issueCount()));
        assertThat(report.perChain().get(0).clean()).isTrue();
        assertThat(report.perChain().get(1).clean()).isFalse();
        assertThat(report.issues()).allSatisfy(i -> assertThat(i.chainId()).isEqualTo("chain-b"));
        assertThat(report.toJson())
                .contains("\"perChain\":[{\"chainId\":\"chain-a\",\"rows\":5,\"lastSeq\":5,\"issues\":0}");
    }
}
