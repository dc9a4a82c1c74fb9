// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.jdbi;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import dev.auditsdk.ActivityRecordingException;
import dev.auditsdk.ActivityTransaction;
import dev.auditsdk.spi.ActivityJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox: records made inside a business transaction are inserted into the table
 * {@code <trail>_outbox} on the caller's own connection, in one batch just before the commit, so
 * <b>committed work always has its record and rolled-back work never does</b>. A relay then moves
 * committed rows into the trail through the recorder, which chains them as it chains any record (no
 * lock on the hash chain inside business transactions, no gap for a rollback), and deletes them.
 *
 * <pre>{@code
 * JdbiOutbox outbox = JdbiOutbox.builder(store, recorder).build();
 * outbox.startRelay();
 * outbox.useTransaction(jdbi, handle -> {
 *     handle.execute("UPDATE post SET title = ? WHERE id = ?", title, 42);
 *     outbox.record(handle, ActionType.UPDATE, b -> b.actor("alice").target("Post", 42));
 * });   // the outbox rows are inserted here, in the same transaction, then it commits
 * }</pre>
 *
 * <p><b>An audit failure fails the business transaction</b>: when the outbox insert fails it throws
 * {@link ActivityRecordingException} inside the transaction, which then rolls back. That is the
 * point of this mode; use the after-commit mode ({@link JdbiActivityTransactions}) where auditing
 * must never fail business work. The outbox lives in the audit store's database: the business
 * transaction must run on that database.
 *
 * <p>The relay claims rows with a lease ({@code lease_owner}, {@code lease_until}; {@code FOR UPDATE
 * SKIP LOCKED} on PostgreSQL, MariaDB and MySQL, an atomic {@code UPDATE} on H2), skips records the
 * trail already has (insert-if-absent by id), records the rest, waits for the recorder to write them,
 * and deletes only the rows whose record is in the trail. Rows a crashed relay had claimed are taken
 * over by any relay once their lease expires, so delivery is at-least-once with exactly one trail
 * row per record. The relay never uses "id greater than the last one seen": UUIDv7 order is not
 * commit order. Thread-safe.
 *
 * @since 0.2
 */
public final class JdbiOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiOutbox.class);
    static final String SCRIPT = "V4__create_outbox.sql";

    private final JdbiActivityStore store;
    private final ActivityRecorder recorder;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String table;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final int batchSize;
    private final Clock clock;
    private final String insert;
    private final HandleUnits units;
    private final AtomicLong relayed = new AtomicLong();
    private final Object relayLock = new Object();
    private @Nullable ScheduledExecutorService relay;

    private JdbiOutbox(Builder b) {
        this.store = b.store;
        this.recorder = b.recorder;
        this.jdbi = store.jdbi();
        this.dialect = store.dialect();
        this.table = store.table().qualified() + "_outbox";
        this.owner = b.owner;
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.batchSize = b.batchSize;
        this.clock = b.clock;
        this.insert = "INSERT INTO " + table + " (id, created_at, payload) VALUES (?, ?, ?)";
        this.units = new HandleUnits(recorder, JdbiOutbox::committedWithoutBeforeCommit);
    }

    /**
     * An outbox beside {@code store}'s trail (same database), relayed through {@code recorder}, which
     * must write to {@code store}.
     */
    public static Builder builder(JdbiActivityStore store, ActivityRecorder recorder) {
        return new Builder(Objects.requireNonNull(store, "store"), Objects.requireNonNull(recorder, "recorder"));
    }

    /** The outbox table, {@code <trail table>_outbox}. */
    public String tableName() {
        return table;
    }

    // ---- writing, inside the business transaction ----

    /**
     * Inserts {@code logs} into the outbox on {@code connection}, in one JDBC batch, inside whatever
     * transaction the connection is in. Framework adapters call it just before the commit.
     *
     * @throws ActivityRecordingException when the insert fails (the caller's transaction should then
     *     roll back); the message names the SQLSTATE, never a value
     */
    public void insert(Connection connection, List<ActivityLog> logs) {
        Objects.requireNonNull(connection, "connection");
        if (Objects.requireNonNull(logs, "logs").isEmpty()) {
            return;
        }
        Object now = dialect.time(clock.instant().truncatedTo(ChronoUnit.MICROS));
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            for (ActivityLog log : logs) {
                ps.setObject(1, dialect.id(log.id()));
                ps.setObject(2, now);
                ps.setString(3, ActivityJson.toJson(log));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException first = Objects.requireNonNullElse(e.getNextException(), e);
            throw new ActivityRecordingException(
                    "could not insert " + logs.size() + " audit records into the outbox " + table + ": "
                            + RedactedErrors.describe(first),
                    RedactedErrors.redact(e));
        }
    }

    /**
     * Holds {@code log} for {@code handle}'s transaction, to be inserted into the outbox by
     * {@link #beforeCommit(Handle)} (which {@link #useTransaction} and {@link #inTransaction} call);
     * outside a transaction it is recorded at once. Discarded when the transaction rolls back. A unit
     * still held when the transaction commits (no {@code beforeCommit}) is recorded after the commit,
     * with a warning, rather than lost.
     */
    public void record(Handle handle, ActivityLog log) {
        Objects.requireNonNull(log, "log");
        if (Objects.requireNonNull(handle, "handle").isInTransaction()) {
            units.unit(handle).record(log);
        } else {
            recorder.record(log);
        }
    }

    /** The one-line form of {@link #record(Handle, ActivityLog)}. */
    public void record(Handle handle, ActionType action, Consumer<ActivityLog.Builder> details) {
        if (Objects.requireNonNull(handle, "handle").isInTransaction()) {
            units.unit(handle).record(action, details);
        } else {
            recorder.record(action, details);
        }
    }

    /**
     * Inserts the records held for {@code handle}'s transaction into the outbox, on its connection;
     * call it last before the commit.
     *
     * @throws ActivityRecordingException when the insert fails: let it propagate so the transaction rolls back
     */
    public void beforeCommit(Handle handle) {
        ActivityTransaction tx = units.existing(Objects.requireNonNull(handle, "handle"));
        if (tx != null) {
            tx.commitTo(logs -> insert(handle.getConnection(), logs));
        }
    }

    /** {@code jdbi.inTransaction(callback)}, with the outbox rows inserted before the commit. */
    public <R, X extends Exception> R inTransaction(Jdbi jdbi, HandleCallback<R, X> callback) throws X {
        Objects.requireNonNull(callback, "callback");
        return Objects.requireNonNull(jdbi, "jdbi").inTransaction(h -> {
            R result = callback.withHandle(h);
            beforeCommit(h);
            return result;
        });
    }

    /** {@code jdbi.useTransaction(callback)}, with the outbox rows inserted before the commit. */
    public <X extends Exception> void useTransaction(Jdbi jdbi, HandleConsumer<X> callback) throws X {
        Objects.requireNonNull(callback, "callback");
        inTransaction(jdbi, h -> {
            callback.useHandle(h);
            return null;
        });
    }

    /** A unit still held after the commit: beforeCommit was not called, so it is recorded now rather than lost. */
    private static void committedWithoutBeforeCommit(ActivityTransaction tx) {
        if (!tx.isCompleted()) {
            LOG.warn(
                    "{} audit records of a committed transaction were not written to the outbox (beforeCommit was not"
                            + " called); recording them after the commit instead",
                    tx.pending().size());
            tx.commit();
        }
    }

    // ---- the relay, on the writer side ----

    /**
     * Starts the relay thread, which runs {@link #relayOnce()} every poll interval (at once again
     * while rows keep coming); idempotent. {@link #close()} stops it.
     */
    public JdbiOutbox startRelay() {
        synchronized (relayLock) {
            if (relay == null) {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "audit-outbox-relay");
                    t.setDaemon(true);
                    return t;
                });
                var unused = s.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                relay = s;
            }
        }
        return this;
    }

    private void drain() {
        try {
            while (relayOnce() == batchSize && !Thread.currentThread().isInterrupted()) {
                // A full batch: more are waiting, relay them without waiting for the next poll.
            }
        } catch (RuntimeException e) {
            // The rows stay in the outbox under this relay's lease: the next round (or another relay) retries.
            LOG.warn("Audit outbox relay round failed; it retries: {}", e.toString());
        }
    }

    /**
     * One relay round: claims up to the batch size of unleased (or expired) rows, records
     * those the trail lacks, waits for the recorder to write them, and deletes the rows whose record
     * is in the trail.
     *
     * @return how many rows were delivered and deleted
     */
    public int relayOnce() {
        synchronized (this) {
            List<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                return 0;
            }
            List<UUID> ids = new ArrayList<>(claimed.size());
            for (Claimed c : claimed) {
                ids.add(c.id());
            }
            Set<UUID> present = sql("read the trail", () -> store.presentIds(ids));
            List<ActivityLog> absent = new ArrayList<>();
            for (Claimed c : claimed) {
                if (!present.contains(c.id())) {
                    try {
                        absent.add(ActivityJson.fromJson(c.payload()));
                    } catch (RuntimeException e) {
                        LOG.error("Audit outbox row {} cannot be read back; left in the outbox", c.id(), e);
                    }
                }
            }
            if (!absent.isEmpty()) {
                // Chained here, after the commit, like every record the recorder writes.
                recorder.recordAll(absent);
                recorder.flush(lease.dividedBy(2));
                present = sql("read the trail", () -> store.presentIds(ids));
            }
            int deleted = delete(present);
            relayed.addAndGet(deleted);
            return deleted;
        }
    }

    /** Rows relayed (and deleted from the outbox) by this instance so far. */
    public long relayed() {
        return relayed.get();
    }

    /** How many rows wait in the outbox and since when: the relay's lag. */
    public Lag lag() {
        return sql(
                "read the outbox lag",
                () -> jdbi.withHandle(h -> {
                    try (PreparedStatement ps = h.getConnection()
                                    .prepareStatement("SELECT COUNT(*), MIN(created_at) AS oldest FROM " + table);
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long rows = rs.getLong(1);
                        if (rows == 0 || rs.getObject(2) == null) {
                            return new Lag(rows, Duration.ZERO);
                        }
                        Instant oldest = dialect.readTime(rs, "oldest");
                        Duration age = Duration.between(oldest, clock.instant());
                        return new Lag(rows, age.isNegative() ? Duration.ZERO : age);
                    }
                }));
    }

    private List<Claimed> claim() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Object until = dialect.time(now.plus(lease));
        Object nowValue = dialect.time(now);
        return sql(
                "claim outbox rows",
                // READ COMMITTED: on MariaDB and MySQL the default REPEATABLE READ would take gap locks
                // on the scanned range, and business transactions inserting into it would deadlock.
                () -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                    Connection c = h.getConnection();
                    // Not this relay's own unexpired rows either: their records may still be in the recorder's
                    // queue, and recording them again would chain a duplicate the store then drops (a gap).
                    String free = "(lease_until IS NULL OR lease_until < ?)";
                    if (dialect == Dialect.H2) {
                        // No SKIP LOCKED: one atomic UPDATE claims the rows, then they are read by owner and lease.
                        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                                + " SET lease_owner = ?, lease_until = ? WHERE " + free + " FETCH FIRST " + batchSize
                                + " ROWS ONLY")) {
                            ps.setString(1, owner);
                            ps.setObject(2, until);
                            ps.setObject(3, nowValue);
                            ps.executeUpdate();
                        }
                        List<Claimed> out = new ArrayList<>();
                        try (PreparedStatement ps = c.prepareStatement(
                                "SELECT id, payload FROM " + table + " WHERE lease_owner = ? AND lease_until = ?")) {
                            ps.setString(1, owner);
                            ps.setObject(2, until);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(new Claimed(dialect.readId(rs, "id"), rs.getString("payload")));
                                }
                            }
                        }
                        return out;
                    }
                    List<Claimed> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, payload FROM " + table + " WHERE " + free
                            + " ORDER BY created_at LIMIT " + batchSize + " FOR UPDATE SKIP LOCKED")) {
                        ps.setObject(1, nowValue);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(new Claimed(dialect.readId(rs, "id"), rs.getString("payload")));
                            }
                        }
                    }
                    if (!out.isEmpty()) {
                        List<UUID> ids = new ArrayList<>(out.size());
                        out.forEach(cl -> ids.add(cl.id()));
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE id IN ("
                                        + placeholders(ids.size()) + ")")) {
                            ps.setString(1, owner);
                            ps.setObject(2, until);
                            bindIds(ps, 3, ids);
                            ps.executeUpdate();
                        }
                    }
                    return out;
                }));
    }

    private int delete(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql(
                "delete relayed outbox rows",
                () -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                    try (PreparedStatement ps = h.getConnection()
                            .prepareStatement("DELETE FROM " + table + " WHERE lease_owner = ? AND id IN ("
                                    + placeholders(ids.size()) + ")")) {
                        ps.setString(1, owner);
                        bindIds(ps, 2, ids);
                        return ps.executeUpdate();
                    }
                }));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    void bindIds(PreparedStatement ps, int first, Collection<UUID> ids) throws SQLException {
        int i = first;
        for (UUID id : ids) {
            ps.setObject(i++, dialect.id(id));
        }
    }

    /** Stops the relay thread (waiting for a round in progress); the outbox rows stay for the next start. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (relayLock) {
            s = relay;
            relay = null;
        }
        if (s != null) {
            s.shutdown();
            try {
                if (!s.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS)) {
                    s.shutdownNow();
                }
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Claimed(UUID id, String payload) {}

    /**
     * The outbox's backlog.
     *
     * @param rows rows waiting in the outbox
     * @param oldest age of the oldest of them (zero when there is none)
     */
    public record Lag(long rows, Duration oldest) {
        /** Checks the values. */
        public Lag {
            Objects.requireNonNull(oldest, "oldest");
        }
    }

    /** Configures a {@link JdbiOutbox}. */
    public static final class Builder {
        private final JdbiActivityStore store;
        private final ActivityRecorder recorder;
        private String owner = "relay-" + UUID.randomUUID();
        private Duration lease = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(500);
        private int batchSize = 500;
        private Clock clock = Clock.systemUTC();
        private @Nullable DataSource shared;

        private Builder(JdbiActivityStore store, ActivityRecorder recorder) {
            this.store = store;
            this.recorder = recorder;
        }

        /** The relay's name in {@code lease_owner} (default {@code relay-<random UUID>}, unique per instance). */
        public Builder owner(String owner) {
            if (Objects.requireNonNull(owner, "owner").isBlank() || owner.length() > 64) {
                throw new IllegalArgumentException("owner must be 1 to 64 characters");
            }
            this.owner = owner;
            return this;
        }

        /**
         * How long a claim holds (default 30 s): rows of a relay that died are taken over after it.
         * The relay waits at most half of it for the recorder to write a round.
         */
        public Builder lease(Duration lease) {
            if (Objects.requireNonNull(lease, "lease").toMillis() < 2) {
                throw new IllegalArgumentException("lease must be positive");
            }
            this.lease = lease;
            return this;
        }

        /** The pause between relay rounds while the outbox is empty (default 500 ms). */
        public Builder pollInterval(Duration pollInterval) {
            if (Objects.requireNonNull(pollInterval, "pollInterval").toMillis() < 1) {
                throw new IllegalArgumentException("pollInterval must be at least 1 ms");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** Rows claimed per relay round (default 500). */
        public Builder batchSize(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("batchSize must be 1 to 10,000, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** The clock of {@code created_at} and of leases (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The application's data source, whose transactions will insert into the outbox:
         * {@link #build()} then refuses a store that was not built on exactly this data source
         * ({@link JdbiActivityStore#builder(DataSource)}), since the outbox must be written in the
         * business transaction and read by the relay in the same database.
         */
        public Builder sharedDataSource(DataSource dataSource) {
            this.shared = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Builds the outbox and checks that its table exists.
         *
         * @throws IllegalStateException when the table is missing, naming the script that creates it,
         *     or when the store is not on the {@link #sharedDataSource}
         */
        public JdbiOutbox build() {
            if (shared != null && !store.isOn(shared)) {
                throw new IllegalStateException("The transactional outbox needs the audit store on the application's"
                        + " DataSource (JdbiActivityStore.builder(dataSource)): the outbox rows are inserted in the"
                        + " business transaction and the relay moves them into the trail in the same database");
            }
            JdbiOutbox outbox = new JdbiOutbox(this);
            outbox.check();
            return outbox;
        }
    }

    private void check() {
        sql(
                "check the outbox table",
                () -> jdbi.withHandle(h -> {
                    try (PreparedStatement ps = h.getConnection()
                                    .prepareStatement("SELECT id, created_at, payload, lease_owner, lease_until FROM "
                                            + table + " WHERE 1 = 0");
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    } catch (SQLException e) {
                        String state = e.getSQLState();
                        if (state == null || !state.startsWith("42")) {
                            throw e;
                        }
                        throw new IllegalStateException(
                                "The audit outbox table " + table + " cannot be read (SQLSTATE " + state
                                        + "). Create it with " + Schema.LOCATION + dialect.vendor() + "/" + SCRIPT
                                        + " (in the audit-jdbi jar), e.g. through Flyway, or build the store with createSchema(true).");
                    }
                    return null;
                }));
    }

    /** Work on the audit database that may throw SQLException. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work}, turning a SQLException into one that quotes no value. */
    private <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ActivityRecordingException(
                    "could not " + what + " (" + table + "): " + RedactedErrors.describe(e), RedactedErrors.redact(e));
        }
    }
}
