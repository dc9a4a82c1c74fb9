// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spring.txit;

import dev.auditsdk.ActionType;
import dev.auditsdk.ActivityLog;
import dev.auditsdk.ActivityRecorder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A business table and a service that records what it does, inside {@code @Transactional} methods. */
@SpringBootApplication
public class TransactionsTestApplication {

    /** The business work: one row per transfer and one audit record of it. */
    public static class Transfers {
        private final JdbcTemplate jdbc;
        private final ActivityRecorder recorder;

        public Transfers(JdbcTemplate jdbc, ActivityRecorder recorder) {
            this.jdbc = jdbc;
            this.recorder = recorder;
        }

        /** Inserts the row and records it; throws after both when {@code fail}. */
        @Transactional
        public void transfer(long id, boolean fail) {
            work(id, fail);
        }

        /** The same in a transaction of its own, whatever the caller's does. */
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void transferOnItsOwn(long id) {
            work(id, false);
        }

        /** Records one record twice: in outbox mode the second breaks the outbox's key, failing the commit. */
        @Transactional
        public void transferRecordingTwice(long id) {
            jdbc.update("INSERT INTO transfer (id) VALUES (?)", id);
            ActivityLog log = ActivityLog.builder(ActionType.CREATE)
                    .actor("teller")
                    .target("Transfer", id)
                    .build();
            recorder.record(log);
            recorder.record(log);
        }

        void work(long id, boolean fail) {
            jdbc.update("INSERT INTO transfer (id) VALUES (?)", id);
            recorder.record(ActionType.CREATE, b -> b.actor("teller").target("Transfer", id));
            if (fail) {
                throw new IllegalStateException("business rule broken after record(): transfer " + id);
            }
        }
    }

    @Bean
    Transfers transfers(JdbcTemplate jdbc, ActivityRecorder recorder) {
        return new Transfers(jdbc, recorder);
    }
}
