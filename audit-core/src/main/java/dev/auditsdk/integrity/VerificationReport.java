package dev.auditsdk.integrity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link ActivityVerifier} found. An immutable value made only by the verifier; a final
 * class rather than a record so that findings can be added without breaking callers.
 *
 * @since 0.1
 */
public final class VerificationReport {
    private final long rowsChecked;
    private final long rowsValid;
    private final int chains;
    private final List<VerificationIssue> issues;
    private final long issueCount;
    private final int checkpointsChecked;
    private final int checkpointsValid;
    private final long purgedGaps;
    private final Duration elapsed;
    private final List<ChainSummary> perChain;

    VerificationReport(
            long rowsChecked,
            long rowsValid,
            int chains,
            List<VerificationIssue> issues,
            long issueCount,
            int checkpointsChecked,
            int checkpointsValid,
            long purgedGaps,
            Duration elapsed,
            List<ChainSummary> perChain) {
        this.rowsChecked = rowsChecked;
        this.rowsValid = rowsValid;
        this.chains = chains;
        this.issues = List.copyOf(issues);
        this.issueCount = issueCount;
        this.checkpointsChecked = checkpointsChecked;
        this.checkpointsValid = checkpointsValid;
        this.purgedGaps = purgedGaps;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.perChain = List.copyOf(perChain);
    }

    /**
     * One line per chain found in the trail (one per recorder start, so one or more per application
     * instance), ordered by chain id: how many rows it has, its highest sequence number, and how many
     * findings name it.
     */
    public List<ChainSummary> perChain() {
        return perChain;
    }

    /**
     * What the verifier found for one chain.
     *
     * @param chainId the chain
     * @param rows rows of the chain read
     * @param lastSeq the highest {@code chain_seq} read
     * @param issues findings naming this chain (all counted, also beyond the report's list)
     */
    public record ChainSummary(String chainId, long rows, long lastSeq, long issues) {
        /** Whether nothing was found wrong with this chain. */
        public boolean clean() {
            return issues == 0;
        }
    }

    /** Rows read. */
    public long rowsChecked() {
        return rowsChecked;
    }

    /** Rows with no finding against them. */
    public long rowsValid() {
        return rowsValid;
    }

    /** Chains seen. */
    public int chains() {
        return chains;
    }

    /** Findings in chain and position order (at most the verifier's limit; see {@link #issueCount()}). */
    public List<VerificationIssue> issues() {
        return issues;
    }

    /** All findings, also those beyond the limit. */
    public long issueCount() {
        return issueCount;
    }

    /** Checkpoints read. */
    public int checkpointsChecked() {
        return checkpointsChecked;
    }

    /** Checkpoints with a valid signature and link. */
    public int checkpointsValid() {
        return checkpointsValid;
    }

    /** Missing chain ranges explained by retention (not tampering). */
    public long purgedGaps() {
        return purgedGaps;
    }

    /** The time the verification took. */
    public Duration elapsed() {
        return elapsed;
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
        ObjectNode n = JsonNodeFactory.instance.objectNode();
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
        ArrayNode chainList = n.putArray("perChain");
        for (ChainSummary c : perChain) {
            chainList
                    .addObject()
                    .put("chainId", c.chainId())
                    .put("rows", c.rows())
                    .put("lastSeq", c.lastSeq())
                    .put("issues", c.issues());
        }
        firstIssue().ifPresent(i -> n.put("firstBad", i.toString()));
        return n.toString();
    }

    @Override
    public String toString() {
        return "VerificationReport[" + (clean() ? "clean" : "tampered") + ", rowsChecked=" + rowsChecked
                + ", rowsValid=" + rowsValid + ", chains=" + chains + ", issueCount=" + issueCount
                + ", checkpointsChecked=" + checkpointsChecked + ", checkpointsValid=" + checkpointsValid
                + ", purgedGaps=" + purgedGaps + ", elapsed=" + elapsed + "]";
    }
}
