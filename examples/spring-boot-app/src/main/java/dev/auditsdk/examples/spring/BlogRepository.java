// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blog's own tables in the application database (not the audit database): the articles through
 * JDBC, the posts as JPA entities, so that an edit is recorded field by field.
 */
@Repository
class BlogRepository {
    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final Clock clock;

    BlogRepository(JdbcClient jdbc, PostRepository posts) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.clock = Clock.systemUTC();
    }

    List<Article> articles() {
        return jdbc.sql("SELECT id, title, summary FROM article ORDER BY id")
                .query((rs, n) -> new Article(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional(readOnly = true)
    List<Post> posts() {
        return posts.findAll(Sort.by("id"));
    }

    @Transactional(readOnly = true)
    Optional<Post> post(long id) {
        return posts.findById(id);
    }

    @Transactional
    Post create(String title, String body, String author) {
        return posts.save(new Post(title, body, author, clock.instant()));
    }

    /** Changes a post; the entity's changes are recorded when this transaction commits. */
    @Transactional
    Post update(long id, String title, String body) {
        Post post = posts.findById(id).orElseThrow();
        post.edit(title, body, clock.instant());
        return post;
    }

    @Transactional
    void delete(long id) {
        posts.deleteById(id);
    }
}
