// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Asynchronous handlers; {@code /async/gated?id=x} finishes only when the test opens gate x. */
final class AsyncServlet extends HttpServlet {
    static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    static CountDownLatch started(String id) {
        return STARTED.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    static CountDownLatch gate(String id) {
        return GATES.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
        String what = req.getPathInfo();
        AsyncContext ac = req.startAsync();
        switch (what) {
            case "/gated" -> {
                String id = req.getParameter("id");
                ac.start(() -> {
                    started(id).countDown();
                    try {
                        if (!gate(id).await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("gate never opened");
                        }
                        ActivityRecordingFilter.context(req)
                                .orElseThrow()
                                .remarks("finished asynchronously")
                                .target("Job", id);
                        resp.setStatus(201);
                        resp.getWriter().print("done");
                    } catch (InterruptedException | IOException e) {
                        resp.setStatus(500);
                    } finally {
                        ac.complete();
                    }
                });
            }
            case "/timeout" -> ac.setTimeout(200);
            case "/dispatch" -> ac.start(() -> ac.dispatch("/status?code=202"));
            case "/dispatch-throw" -> ac.start(() -> ac.dispatch("/throw"));
            default -> ac.complete();
        }
    }
}
