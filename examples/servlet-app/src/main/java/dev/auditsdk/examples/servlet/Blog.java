// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blog's own data, kept in memory: this example is about the audit trail, which does live in a
 * database (an H2 file through the Jdbi store).
 */
final class Blog {
    /** An article of the read-only list. */
    record Article(long id, String title, String summary) {}

    /** A post; {@code createdAt} and {@code updatedAt} are ISO-8601 instants. */
    record Post(long id, String title, String body, String author, String createdAt, String updatedAt) {}

    static final List<Article> ARTICLES = List.of(
            new Article(
                    1,
                    "Who did what, and when",
                    "Why an application keeps an activity trail, and what goes into one record."),
            new Article(
                    2,
                    "Audit trails without slowing requests",
                    "Recording on the request thread costs nanoseconds; writing happens in batches."),
            new Article(3, "Reading the trail", "Filter by actor, action, target and time."));

    private final Map<Long, Post> posts = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    List<Post> posts() {
        return List.copyOf(posts.values());
    }

    Optional<Post> post(long id) {
        return Optional.ofNullable(posts.get(id));
    }

    Post create(String title, String body, String author) {
        long id = ids.incrementAndGet();
        String now = clock.instant().toString();
        Post post = new Post(id, title, body, author, now, now);
        posts.put(id, post);
        return post;
    }

    Post update(Post old, String title, String body) {
        Post post = new Post(
                old.id(),
                title,
                body,
                old.author(),
                old.createdAt(),
                clock.instant().toString());
        posts.put(post.id(), post);
        return post;
    }

    void delete(long id) {
        posts.remove(id);
    }
}
