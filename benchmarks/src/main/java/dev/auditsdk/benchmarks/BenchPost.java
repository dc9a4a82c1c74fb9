// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.benchmarks;

import dev.auditsdk.hibernate.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A typical small entity for {@link EntityUpdateRun}: six columns, one of them changed per transaction. */
@Entity
@AuditedEntity
@Table(name = "bench_post")
public class BenchPost {
    @Id
    long id;

    String title = "";

    String body = "";

    String author = "";

    @Nullable
    BigDecimal price;

    @Nullable
    Instant publishedAt;

    protected BenchPost() {}

    BenchPost(long id) {
        this.id = id;
        this.title = "title 0";
        this.body = "A body of a few words that does not change.";
        this.author = "alice";
        this.price = new BigDecimal("1.50");
        this.publishedAt = Instant.parse("2026-11-29T12:00:00Z");
    }
}
