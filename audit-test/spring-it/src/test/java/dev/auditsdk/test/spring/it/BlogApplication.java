// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.test.spring.it;

import dev.auditsdk.spring.web.AuditActivity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A small audited application: the Spring adapter records every call of its one controller. */
@SpringBootApplication
public class BlogApplication {
    /** Posts 1 to 99 exist; updating one is recorded as an Update of that Post. */
    @RestController
    static class PostController {
        private final Map<Long, String> titles = new ConcurrentHashMap<>();

        @PutMapping("/api/posts/{id}")
        @AuditActivity(remarks = "{user} retitled post {id}", targetType = "Post")
        String retitle(@PathVariable long id, @RequestBody String title) {
            if (id < 1 || id > 99) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no post " + id);
            }
            titles.put(id, title);
            return title;
        }
    }
}
