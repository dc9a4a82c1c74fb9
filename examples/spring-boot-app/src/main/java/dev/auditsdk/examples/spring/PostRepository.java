// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import org.springframework.data.jpa.repository.JpaRepository;

/** The posts, through Spring Data JPA (so that their changes reach Hibernate's listeners). */
interface PostRepository extends JpaRepository<Post, Long> {}
