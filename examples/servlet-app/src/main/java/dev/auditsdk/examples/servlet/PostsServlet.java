// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.examples.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.ActivityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Post CRUD on {@code /api/posts} and {@code /api/posts/{id}}. The filter records each call and
 * takes the target from the path ({@code /api/posts/{id}} → Post id); handlers add what the filter
 * cannot know: the new post's id, the seed's custom read message, the title as data.
 */
final class PostsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Blog blog;

    PostsServlet(Blog blog) {
        this.blog = blog;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ActivityContext.current().remarks(request.getRemoteUser() + " is reading blog posts");
        OptionalLong id = id(request);
        if (id.isEmpty()) {
            Json.write(response, 200, blog.posts());
            return;
        }
        Optional<Blog.Post> post = blog.post(id.getAsLong());
        if (post.isPresent()) {
            Json.write(response, 200, post.get());
        } else {
            Json.error(response, 404, "no post " + id.getAsLong());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (id(request).isPresent()) {
            Json.error(response, 405, "POST to /api/posts");
            return;
        }
        JsonNode form = Json.read(request);
        String title = form.path("title").asText("");
        if (title.isBlank() || title.length() > 200) {
            Json.error(response, 400, "title must have 1 to 200 characters");
            return;
        }
        Blog.Post post = blog.create(title, form.path("body").asText(""), request.getRemoteUser());
        ActivityContext.current().target("Post", post.id()).data("title", post.title());
        Json.write(response, 201, post);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Blog.Post> post = owned(request, response);
        if (post.isEmpty()) {
            return;
        }
        JsonNode form = Json.read(request);
        String title = form.path("title").asText("");
        if (title.isBlank() || title.length() > 200) {
            Json.error(response, 400, "title must have 1 to 200 characters");
            return;
        }
        Blog.Post updated = blog.update(
                post.get(), title, form.path("body").asText(post.get().body()));
        ActivityContext.current().data("title", updated.title());
        Json.write(response, 200, updated);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Blog.Post> post = owned(request, response);
        if (post.isPresent()) {
            blog.delete(post.get().id());
            response.setStatus(204);
        }
    }

    /** The post of the path when the caller wrote it; otherwise answers 404 or 403 and returns empty. */
    private Optional<Blog.Post> owned(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = id(request);
        Optional<Blog.Post> post = id.isPresent() ? blog.post(id.getAsLong()) : Optional.empty();
        if (post.isEmpty()) {
            Json.error(response, 404, "no such post");
            return Optional.empty();
        }
        if (!post.get().author().equals(request.getRemoteUser())) {
            Json.error(response, 403, "only the author may change post " + id.getAsLong());
            return Optional.empty();
        }
        return post;
    }

    private static OptionalLong id(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(info.substring(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.of(-1);
        }
    }
}
