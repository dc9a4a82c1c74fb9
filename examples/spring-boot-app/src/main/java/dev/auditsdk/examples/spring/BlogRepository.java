// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The blog's own tables in the application database (not the audit database). */
@Repository
class BlogRepository {
    private static final String POST_COLUMNS = "id, title, body, author, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    BlogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    List<Article> articles() {
        return jdbc.sql("SELECT id, title, summary FROM article ORDER BY id")
                .query((rs, n) -> new Article(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<Post> posts() {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM post ORDER BY id")
                .query(this::mapPost)
                .list();
    }

    Optional<Post> post(long id) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM post WHERE id = ?")
                .param(id)
                .query(this::mapPost)
                .optional();
    }

    Post create(String title, String body, String author) {
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO post (title, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(title, body, author, now, now)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class), "generated id");
        return post(id).orElseThrow();
    }

    Post update(long id, String title, String body) {
        jdbc.sql("UPDATE post SET title = ?, body = ?, updated_at = ? WHERE id = ?")
                .params(title, body, Timestamp.from(clock.instant()), id)
                .update();
        return post(id).orElseThrow();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM post WHERE id = ?").param(id).update();
    }

    private Post mapPost(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Post(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)));
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
