// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.servlet;

import dev.auditsdk.ActivityContext;
import dev.auditsdk.http.HttpRequestView;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the filter keeps about one request between arrival and completion; stored as a request
 * attribute so async and error dispatches find it, and the listener that records an async request
 * when it completes rather than when its first dispatch returns.
 */
final class RequestState implements AsyncListener {
    static final String ATTRIBUTE = RequestState.class.getName();

    final HttpServletRequest request;
    final HttpServletResponse response;
    final HttpRequestView view;
    /** The path within the application at arrival (an async dispatch changes what the request reports). */
    final String appPath;

    final ActivityContext context;
    final long startNanos;
    final @Nullable HttpServletMapping mapping;
    final @Nullable String entryPrincipal;
    private final ActivityRecordingFilter filter;
    private final AtomicBoolean listening = new AtomicBoolean();
    private final AtomicBoolean recorded = new AtomicBoolean();
    private volatile @Nullable Throwable error;

    RequestState(
            ActivityRecordingFilter filter,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpRequestView view,
            String appPath,
            ActivityContext context,
            long startNanos,
            @Nullable HttpServletMapping mapping,
            @Nullable String entryPrincipal) {
        this.filter = filter;
        this.request = request;
        this.response = response;
        this.view = view;
        this.appPath = appPath;
        this.context = context;
        this.startNanos = startNanos;
        this.mapping = mapping;
        this.entryPrincipal = entryPrincipal;
    }

    /** Whether an async cycle was started and this state listens for its completion. */
    boolean isListening() {
        return listening.get();
    }

    void markListening() {
        listening.set(true);
    }

    /** Registers with the request's current async cycle; false when the request is not async (any more). */
    boolean listen(HttpServletRequest req) {
        try {
            if (req.isAsyncStarted()) {
                req.getAsyncContext().addListener(this);
                listening.set(true);
                return true;
            }
        } catch (IllegalStateException e) {
            // completed or dispatched between the two calls: the caller records now
        }
        return false;
    }

    void failed(@Nullable Throwable t) {
        if (t != null && error == null) {
            error = t;
        }
    }

    @Nullable
    Throwable error() {
        return error;
    }

    /** True exactly once: the caller that gets it writes the record. */
    boolean claim() {
        return recorded.compareAndSet(false, true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        filter.finish(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        failed(new TimeoutException("async request timed out"));
    }

    @Override
    public void onError(AsyncEvent event) {
        failed(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // A new async cycle only notifies listeners that register again.
        event.getAsyncContext().addListener(this);
    }
}
