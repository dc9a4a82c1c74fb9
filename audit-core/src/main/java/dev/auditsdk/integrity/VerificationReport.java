package dev.auditsdk.integrity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditsdk.internal.ActivityJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link ActivityVerifier} found.
 *
 * @param rowsChecked rows read
 * @param rowsValid rows with no finding against them
 * @param chains chains seen
 * @param issues findings in chain and position order (at most the verifier's limit; see {@code issueCount})
 * @param issueCount all findings, also those beyond the limit
 * @param checkpointsChecked checkpoints read
 * @param checkpointsValid checkpoints with a valid signature and link
 * @param purgedGaps missing chain ranges explained by retention (not tampering)
 * @param elapsed time the verification took
 * @since 0.1
 */
public record VerificationReport(
        long rowsChecked,
        long rowsValid,
        int chains,
        List<VerificationIssue> issues,
        long issueCount,
        int checkpointsChecked,
        int checkpointsValid,
        long purgedGaps,
        Duration elapsed) {
    public VerificationReport {
        issues = List.copyOf(issues);
    }

    /** Whether nothing was found. */
    public boolean clean() {
        return issueCount == 0;
    }

    /** The first finding in chain and position order: the first bad row. */
    public Optional<VerificationIssue> firstIssue() {
        return issues.isEmpty() ? Optional.empty() : Optional.of(issues.get(0));
    }

    /** Rows per second. */
    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? rowsChecked : rowsChecked / s;
    }

    /** The process exit code of the command-line verifier: 0 clean, 1 tampered. */
    public int exitCode() {
        return clean() ? 0 : 1;
    }

    /** The machine-readable form printed by {@code --json}. */
    public String toJson() {
        ObjectNode n = ActivityJson.mapper().createObjectNode();
        n.put("status", clean() ? "clean" : "tampered")
                .put("rowsChecked", rowsChecked)
                .put("rowsValid", rowsValid)
                .put("chains", chains)
                .put("issueCount", issueCount)
                .put("checkpointsChecked", checkpointsChecked)
                .put("checkpointsValid", checkpointsValid)
                .put("purgedGaps", purgedGaps)
                .put("elapsedMs", elapsed.toMillis())
                .put("rowsPerSecond", Math.round(rowsPerSecond()));
        ArrayNode list = n.putArray("issues");
        for (VerificationIssue i : issues) {
            list.addObject()
                    .put("kind", i.kind().name())
                    .put("chainId", i.chainId())
                    .put("seq", i.seq())
                    .put("id", i.id() == null ? null : i.id().toString())
                    .put("detail", i.detail());
        }
        firstIssue().ifPresent(i -> n.put("firstBad", i.toString()));
        return n.toString();
    }
}
