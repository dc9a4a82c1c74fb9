// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.hibernate.entities;

import dev.auditsdk.hibernate.AuditIgnore;
import dev.auditsdk.hibernate.AuditMask;
import dev.auditsdk.hibernate.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
@AuditedEntity
public class Post {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @Lob
    @Column(length = 2_000_000)
    public String body;

    public BigDecimal price;

    @AuditMask
    public String reviewerNote;

    @AuditIgnore
    public String cachedHtml;

    /** Masked by the recorder's secret-key rule, without an annotation. */
    public String apiToken;

    @ManyToOne(fetch = FetchType.LAZY)
    public Author author;

    @ElementCollection(fetch = FetchType.LAZY)
    public List<Long> relatedIds = new ArrayList<>();

    public Post() {}

    public Post(String title) {
        this.title = title;
    }
}
