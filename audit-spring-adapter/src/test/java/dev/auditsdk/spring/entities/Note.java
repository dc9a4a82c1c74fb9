// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.entities;

import dev.auditsdk.hibernate.AuditMask;
import dev.auditsdk.hibernate.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An audited entity for the auto-configuration tests. */
@Entity
@AuditedEntity
public class Note {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @AuditMask
    public String reviewerNote;

    public Note() {}

    public Note(String title, String reviewerNote) {
        this.title = title;
        this.reviewerNote = reviewerNote;
    }
}
