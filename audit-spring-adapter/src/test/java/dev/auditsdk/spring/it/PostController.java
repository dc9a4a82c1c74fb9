// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.it;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.spring.web.AuditActivity;
import dev.auditsdk.spring.web.NoAudit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** CRUD over posts, with the annotations and run-time context the tests check. */
@RestController
@RequestMapping("/api/posts")
class PostController {
    private final Map<Long, String> posts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @GetMapping
    Map<Long, String> list() {
        return posts;
    }

    @GetMapping("/{id}")
    @AuditActivity(targetType = "Post")
    String get(@PathVariable long id) {
        String title = posts.get(id);
        if (title == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return title;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody String title) {
        long id = ids.incrementAndGet();
        posts.put(id, title);
        // The id is only known now: the handler names the target at run time.
        ActivityContext.current().target("Post", id).data("title", title);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @AuditActivity(remarks = "{user} changed post {id} via {route}", targetType = "Post")
    String update(@PathVariable long id, @RequestBody String title) {
        if (posts.replace(id, title) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return title;
    }

    @DeleteMapping("/{postId}")
    @AuditActivity(targetType = "Post", targetIdVariable = "postId")
    ResponseEntity<Void> delete(@PathVariable long postId) {
        posts.remove(postId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    @AuditActivity(action = "Publish", remarks = "published post {id}", targetType = "Post")
    String publish(@PathVariable long id) {
        return "published";
    }

    @DeleteMapping("/{id}/purge")
    @PreAuthorize("hasRole('ADMIN')")
    String purge(@PathVariable long id) {
        return "purged";
    }

    @GetMapping("/ping")
    @NoAudit
    String ping() {
        return "pong";
    }

    @GetMapping("/{id}/async")
    @AuditActivity(targetType = "Post")
    Callable<String> async(@PathVariable long id) {
        // The handler names data here, on the request thread; the record is made when the async dispatch ends.
        ActivityContext.current().data("async", true);
        return () -> "later";
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("boom with a secret inside");
    }
}
