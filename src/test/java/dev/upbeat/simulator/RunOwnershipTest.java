package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.simulator.drill.DrillRepository;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing one PostgreSQL database, in one JVM, each with its own clock: who may end a
 * run, and how targets follow from one instance to the other.
 */
class RunOwnershipTest {
    static final Map<String, String> LEASE = Map.of("UPBEAT_SIM_LEASE", "PT5S");

    @Test
    void starting_an_instance_leaves_live_runs_of_live_instances_alone_and_ends_them_once_their_owner_dies() {
        String db = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(db, LEASE); TestUpbeat b = TestUpbeat.services(db, LEASE)) {
            a.upbeat.simulator().createTarget("owned", "127.0.0.1:0", null);
            long id = a.upbeat.simulator().start("owned", List.of(MaintenanceFault.always()), Duration.ofMinutes(10), RunOrigin.API, null).id();

            b.upbeat.simulator().open();
            b.upbeat.simulator().tick();
            assertThat(b.upbeat.simulator().run(id).live()).as("A is alive: its run goes on").isTrue();

            // A renews while it ticks, so B finds the lease current even after more than one lease of time.
            for (int i = 0; i < 3; i++) {
                a.clock.advance(Duration.ofSeconds(3));
                b.clock.advance(Duration.ofSeconds(3));
                a.upbeat.simulator().tick();
                b.upbeat.simulator().tick();
            }
            assertThat(b.upbeat.simulator().run(id).live()).isTrue();

            // A stops ticking, as a killed process would; B ends the run once the lease has lapsed.
            b.clock.advance(Duration.ofSeconds(6));
            b.upbeat.simulator().tick();
            Run ended = b.upbeat.simulator().run(id);
            assertThat(ended.live()).isFalse();
            assertThat(ended.endReason()).isEqualTo("interrupted");
            assertThat(ended.endedAt()).as("ended when B noticed, not at its planned end").isEqualTo(b.clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void a_clean_stop_hands_a_run_over_to_a_live_instance_which_ends_it_at_its_planned_time() {
        String db = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(db, LEASE); TestUpbeat b = TestUpbeat.services(db, LEASE)) {
            // One instant on both: each clock stood still from its instance's start, seconds apart.
            b.clock.set(a.clock.instant());
            a.upbeat.simulator().createTarget("handed", "127.0.0.1:0", null);
            b.upbeat.simulator().open();
            Run run = a.upbeat.simulator().start("handed", List.of(MaintenanceFault.always()), Duration.ofMinutes(1), RunOrigin.API, null);

            a.upbeat.simulator().close();
            b.clock.advance(Duration.ofSeconds(1));
            b.upbeat.simulator().tick();
            // Longer than a lease: B took the run and renews it, so it is nobody's orphan.
            b.clock.advance(Duration.ofSeconds(6));
            b.upbeat.simulator().tick();
            assertThat(b.upbeat.simulator().run(run.id()).live()).isTrue();

            b.clock.advance(Duration.ofMinutes(1));
            b.upbeat.simulator().tick();
            Run ended = b.upbeat.simulator().run(run.id());
            assertThat(ended.endReason()).isEqualTo("expired");
        }
    }

    @Test
    void a_handed_over_run_nobody_takes_within_the_lease_ends_as_interrupted() {
        String db = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(db, LEASE); TestUpbeat b = TestUpbeat.services(db, LEASE)) {
            // One instant on both: each clock stood still from its instance's start, seconds apart.
            b.clock.set(a.clock.instant());
            a.upbeat.simulator().createTarget("dropped", "127.0.0.1:0", null);
            b.upbeat.simulator().open();
            long id = a.upbeat.simulator().start("dropped", List.of(MaintenanceFault.always()), Duration.ofMinutes(10), RunOrigin.API, null).id();

            a.upbeat.simulator().close();
            String owner = a.upbeat.database().read(tx -> tx.handle().createQuery("SELECT owner FROM sim_runs WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(owner).as("handed over, as B was alive").isEqualTo(Lease.HANDOVER);
            // B was alive when A stopped, then went quiet for longer than the lease A handed over with.
            b.clock.advance(Duration.ofSeconds(6));
            b.upbeat.simulator().tick();
            assertThat(b.upbeat.simulator().run(id).endReason()).isEqualTo("interrupted");
        }
    }

    @Test
    void a_target_created_or_deleted_through_one_instance_follows_on_the_other_and_a_port_in_use_is_reported()
            throws Exception {
        String db = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(db, LEASE); TestUpbeat b = TestUpbeat.services(db, LEASE)) {
            String idA = a.upbeat.simulator().instance();
            String idB = b.upbeat.simulator().instance();
            a.upbeat.simulator().open();
            int port = b.upbeat.simulator().createTarget("shared", "127.0.0.1:0", null).listen().port();
            a.upbeat.simulator().tick();
            // Both instances are on this host, so A cannot have the port B bound, and says so.
            assertThat(a.upbeat.simulator().listenersOf("shared")).containsExactlyInAnyOrder(
                    new Target.Listener(idB, "listening", null),
                    new Target.Listener(idA, "failed", "address in use: 127.0.0.1:" + port));

            a.upbeat.simulator().deleteTarget("shared");
            b.upbeat.simulator().tick();
            // Deleted through A, closed on B: the port is free again.
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(free.getLocalPort()).isEqualTo(port);
            }

            a.upbeat.simulator().createTarget("shared", "127.0.0.1:" + port, null);
            b.upbeat.simulator().tick();
            assertThat(b.upbeat.simulator().listenersOf("shared")).contains(new Target.Listener(idB, "failed",
                    "address in use: 127.0.0.1:" + port));
            // A stops cleanly: its report is withdrawn, and B, seeing nobody listen on the target, takes the
            // freed port at its next tick rather than waiting out its 10 s between tries.
            a.upbeat.simulator().close();
            b.clock.advance(Duration.ofSeconds(1));
            b.upbeat.simulator().tick();
            assertThat(b.upbeat.simulator().listenersOf("shared")).containsExactly(new Target.Listener(idB, "listening", null));
        }
    }

    @Test
    void a_drill_of_a_live_instance_goes_on_and_one_whose_instance_died_is_aborted_by_another() {
        String db = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(db, LEASE); TestUpbeat b = TestUpbeat.services(db, LEASE)) {
            // A drill row as A records one when it starts a drill; A's own tick renews its lease.
            Lease aLease = new Lease(a.upbeat.simulator().instance(), Duration.ofSeconds(5));
            String spec = "{\"target\":\"drilled\",\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT10M\","
                    + "\"checks\":[{\"url\":\"http://127.0.0.1:9/health\"}]}";
            long id = a.upbeat.database().inTransaction(tx -> new DrillRepository().insert(tx, "drilled", spec, null, a.clock.instant(), aLease));

            b.upbeat.drills().open();
            for (int i = 0; i < 3; i++) {
                a.clock.advance(Duration.ofSeconds(3));
                b.clock.advance(Duration.ofSeconds(3));
                a.upbeat.drills().tick();
                b.upbeat.drills().tick();
            }
            assertThat(b.upbeat.drills().find(id).verdict()).as("A is alive: its drill goes on").isEqualTo("running");

            b.clock.advance(Duration.ofSeconds(6));
            b.upbeat.drills().tick();
            b.upbeat.drills().tick();
            assertThat(b.upbeat.drills().find(id).verdict()).isEqualTo("aborted");
            assertThat(b.upbeat.drills().find(id).reason()).isEqualTo("Upbeat stopped while the drill was running");
        }
    }
}
