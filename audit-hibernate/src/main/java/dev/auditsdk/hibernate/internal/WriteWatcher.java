// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every SQL statement Hibernate prepares and logs one WARN per audited table the first time an
 * insert, update or delete reaches it outside an entity write (between the listener's pre- and
 * post-write events): that is bulk HQL/criteria or native SQL, which no listener hears of. It
 * changes no statement. Not API.
 */
public final class WriteWatcher implements StatementInspector {
    private static final Logger LOG = LoggerFactory.getLogger(WriteWatcher.class);
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<int[]> ENTITY_WRITES = ThreadLocal.withInitial(() -> new int[1]);
    private static final Pattern DML = Pattern.compile(
            "^\\s*(?:update|delete\\s+from|delete|insert\\s+into|merge\\s+into)\\s+([\\w.\"`]+)",
            Pattern.CASE_INSENSITIVE);

    /** Audited tables (lower case, unquoted) → entity name; filled by the integrator. */
    private final transient Map<String, String> tables = new ConcurrentHashMap<>();

    private final transient Set<String> warned = ConcurrentHashMap.newKeySet();

    /** Made by Hibernate from the class name {@code AuditEntities.applyTo} sets. */
    public WriteWatcher() {}

    void watch(String table, String entity) {
        tables.put(table.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT), entity);
    }

    static void entityWriteStarts() {
        ENTITY_WRITES.get()[0]++;
    }

    static void entityWriteEnds() {
        int[] n = ENTITY_WRITES.get();
        n[0] = Math.max(0, n[0] - 1);
    }

    static void reset() {
        ENTITY_WRITES.remove();
    }

    @Override
    public String inspect(String sql) {
        if (!tables.isEmpty() && ENTITY_WRITES.get()[0] == 0) {
            Matcher m = DML.matcher(sql);
            if (m.find()) {
                String table = m.group(1).replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
                String entity = tables.get(table);
                if (entity != null && warned.add(entity)) {
                    LOG.warn(
                            "A bulk HQL/criteria or native SQL statement wrote audited entity {} (table {}): "
                                    + "such writes are NOT recorded",
                            entity,
                            table);
                }
            }
        }
        return sql;
    }
}
