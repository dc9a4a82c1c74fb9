// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.spring;

import dev.auditsdk.ActivityContext;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Post CRUD. The SDK records every call; the handlers only add what it cannot know: which post
 * was touched ({@code target}) and, for reads, the seed's custom message ("alice is reading blog
 * posts"). Failures (400, 403, 404) are recorded with status FAILED.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {
    private final BlogRepository blog;

    PostController(BlogRepository blog) {
        this.blog = blog;
    }

    @GetMapping
    List<Post> list(Principal user) {
        ActivityContext.current().remarks(user.getName() + " is reading blog posts");
        return blog.posts();
    }

    @GetMapping("/{id}")
    Post get(@PathVariable long id, Principal user) {
        ActivityContext.current().target("Post", id).remarks(user.getName() + " is reading blog posts");
        return blog.post(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Post create(@RequestBody PostForm form, Principal user) {
        Post post = blog.create(title(form), body(form), user.getName());
        ActivityContext.current().target("Post", post.getId()).data("title", post.getTitle());
        return post;
    }

    @PutMapping("/{id}")
    Post update(@PathVariable long id, @RequestBody PostForm form, Principal user) {
        ActivityContext.current().target("Post", id);
        ownedBy(id, user);
        Post post = blog.update(id, title(form), body(form));
        ActivityContext.current().data("title", post.getTitle());
        return post;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Principal user) {
        ActivityContext.current().target("Post", id);
        ownedBy(id, user);
        blog.delete(id);
    }

    private Post ownedBy(long id, Principal user) {
        Post post = blog.post(id).orElseThrow(() -> notFound(id));
        if (!post.getAuthor().equals(user.getName())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the author may change post " + id);
        }
        return post;
    }

    private static String title(PostForm form) {
        String title = form.title();
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title must have 1 to 200 characters");
        }
        return title;
    }

    private static String body(PostForm form) {
        String body = form.body() == null ? "" : form.body();
        if (body.length() > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body must have at most 10,000 characters");
        }
        return body;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no post " + id);
    }
}
