package org.safeguardinghub.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Jobs run once per cluster: two "nodes" (two runners with their own names, on their own threads) race for each
 * slot against the real database and exactly one runs it; a later slot runs again; a stale unfinished claim is
 * taken over once, a recent one is not; and the start-up runs of the chasing jobs went through the runner.
 */
@SpringBootTest
class ClusterJobsTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    ClusterJobs nodeA;
    ClusterJobs nodeB;
    String job;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        nodeA = new ClusterJobs(jdbc, transactions, "node-a", Duration.ofMinutes(30));
        nodeB = new ClusterJobs(jdbc, transactions, "node-b", Duration.ofMinutes(30));
        job = "test-" + UUID.randomUUID();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void twoNodesRacingForTheSameSlotRunItExactlyOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            String slot = "2026-11-24T06:15:" + (10 + i);
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Runnable work = () -> {
                runs.incrementAndGet();
                sleep(100); // long enough that the other node's claim arrives while this one is still working
            };
            Future<Boolean> a = threads.submit(() -> {
                go.await();
                return nodeA.runOnce(job, slot, work);
            });
            Future<Boolean> b = threads.submit(() -> {
                go.await();
                return nodeB.runOnce(job, slot, work);
            });
            go.countDown();
            boolean ranOnA = a.get(30, TimeUnit.SECONDS);
            boolean ranOnB = b.get(30, TimeUnit.SECONDS);

            assertThat(runs).as("slot %s", slot).hasValue(1);
            assertThat(ranOnA ^ ranOnB).as("exactly one node ran slot %s", slot).isTrue();
            assertThat(row(slot)).isEqualTo((ranOnA ? "node-a" : "node-b") + "|DONE|finished|0");
        }
    }

    @Test
    void aFinishedSlotIsNotRunAgainButTheNextSlotIs() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(nodeA.runOnce(job, "2026-11-24T06:15", runs::incrementAndGet))
                .isTrue();
        // a node started later the same day (its run does not overlap the first) finds the slot taken
        assertThat(nodeB.runOnce(job, "2026-11-24T06:15", runs::incrementAndGet))
                .isFalse();
        assertThat(nodeA.runOnce(job, "2026-11-24T06:15", runs::incrementAndGet))
                .isFalse();
        assertThat(nodeB.runOnce(job, "2026-11-25T06:15", runs::incrementAndGet))
                .isTrue();

        assertThat(runs).hasValue(2);
        assertThat(row("2026-11-25T06:15")).isEqualTo("node-b|DONE|finished|0");
    }

    @Test
    void aStaleUnfinishedClaimIsTakenOverOnceButARecentOneIsNot() {
        claimAsDeadNode("old", "now() - interval '31 minutes'");
        claimAsDeadNode("recent", "now() - interval '5 minutes'");
        claimAsDeadNode("old-but-finished", "now() - interval '2 hours'");
        jdbc.sql("update scheduled_job_run set finished_at = now(), outcome = 'DONE' where job = :job and slot = :slot")
                .param("job", job)
                .param("slot", "old-but-finished")
                .update();
        AtomicInteger runs = new AtomicInteger();

        assertThat(nodeA.runOnce(job, "old", runs::incrementAndGet)).isTrue();
        assertThat(nodeB.runOnce(job, "old", runs::incrementAndGet)).isFalse();
        assertThat(nodeA.runOnce(job, "recent", runs::incrementAndGet)).isFalse();
        assertThat(nodeA.runOnce(job, "old-but-finished", runs::incrementAndGet))
                .isFalse();

        assertThat(runs).hasValue(1);
        assertThat(row("old")).isEqualTo("node-a|DONE|finished|1");
        assertThat(row("recent")).isEqualTo("dead-node|null|running|0");
    }

    @Test
    void aFailingJobIsRecordedAndNotThrown() {
        boolean ran = nodeA.runOnce(job, "failing", () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(ran).isTrue();
        assertThat(row("failing")).isEqualTo("node-a|FAILED: java.lang.IllegalStateException: boom|finished|0");
        assertThat(nodeB.runOnce(job, "failing", () -> {})).isFalse();
    }

    @Test
    void theSlotIsTheLatestFireTimeOfTheCronInItsZone() {
        CronExpression daily = CronExpression.parse("0 15 6 * * *");
        assertThat(ClusterJobs.slot(daily, at("2026-11-24T10:00:00"))).isEqualTo("2026-11-24T06:15:00");
        assertThat(ClusterJobs.slot(daily, at("2026-11-24T06:15:00.400"))).isEqualTo("2026-11-24T06:15:00");
        // before today's run, the start-up catch-up is yesterday's slot
        assertThat(ClusterJobs.slot(daily, at("2026-11-24T06:14:59"))).isEqualTo("2026-11-23T06:15:00");
        // the clocks go forward on 29 March 2026: still one slot that day, at 06:15 local time
        assertThat(ClusterJobs.slot(daily, at("2026-03-29T12:00:00"))).isEqualTo("2026-03-29T06:15:00");

        CronExpression everyTenSeconds = CronExpression.parse("*/10 * * * * *");
        assertThat(ClusterJobs.slot(everyTenSeconds, at("2026-11-24T20:30:17.900")))
                .isEqualTo("2026-11-24T20:30:10");
        CronExpression yearly = CronExpression.parse("0 0 3 1 4 *");
        assertThat(ClusterJobs.slot(yearly, at("2026-03-01T00:00:00"))).isEqualTo("2025-04-01T03:00:00");
    }

    @Test
    void theChasingJobsStartUpRunsWentThroughTheRunner() {
        List<String> jobs = new ArrayList<>();
        for (String chasing : List.of("return-chasing", "section11-chasing")) {
            String cron = chasing.equals("return-chasing") ? "0 15 6 * * *" : "0 20 6 * * *";
            String slot = ClusterJobs.slot(CronExpression.parse(cron), ZonedDateTime.now(LONDON));
            jobs.addAll(jdbc.sql("select job from scheduled_job_run where job = :job and slot = :slot")
                    .param("job", chasing)
                    .param("slot", slot)
                    .query(String.class)
                    .list());
        }
        assertThat(jobs).containsExactly("return-chasing", "section11-chasing");
    }

    private void claimAsDeadNode(String slot, String startedAt) {
        jdbc.sql("insert into scheduled_job_run (job, slot, node, started_at) values (:job, :slot, 'dead-node', "
                        + startedAt + ")")
                .param("job", job)
                .param("slot", slot)
                .update();
    }

    private String row(String slot) {
        return jdbc.sql("""
                        select node || '|' || coalesce(outcome, 'null') || '|'
                               || case when finished_at is null then 'running' else 'finished' end
                               || '|' || takeovers
                        from scheduled_job_run where job = :job and slot = :slot""")
                .param("job", job)
                .param("slot", slot)
                .query(String.class)
                .single();
    }

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(LONDON);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
