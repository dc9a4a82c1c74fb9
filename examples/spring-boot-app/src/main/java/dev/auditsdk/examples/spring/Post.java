// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import dev.auditsdk.hibernate.AuditIgnore;
import dev.auditsdk.hibernate.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A blog post; only its author may change or delete it. A JPA entity marked {@link AuditedEntity}:
 * every committed insert, update and delete is recorded with the fields that changed (audit-hibernate,
 * auto-configured by the Spring adapter), sharing the request id of the HTTP record.
 */
@Entity
@AuditedEntity
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 200)
    private String title = "";

    @Column(nullable = false, length = 10_000)
    private String body = "";

    @Column(nullable = false, length = 100)
    private String author = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    // Not compared: it changes with every edit, and the record's own time already says when.
    @AuditIgnore
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    protected Post() {}

    Post(String title, String body, String author, Instant now) {
        this.title = title;
        this.body = body;
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void edit(String title, String body, Instant now) {
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    /** The id; a post is only handed out once saved. */
    public Long getId() {
        return Objects.requireNonNull(id, "id of an unsaved post");
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
