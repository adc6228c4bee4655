package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** One stream's queue, with a client that stops reading: its writer blocks, the hub never does. */
class LiveStreamTest {

    /** A socket whose peer never reads: every write blocks until the test lets it go. */
    static final class Stuck extends OutputStream {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void a_stream_whose_client_stops_reading_is_dropped_once_its_queue_is_full_without_blocking_the_publisher() throws Exception {
        Stuck client = new Stuck();
        LiveStream stream = new LiveStream(client, null);
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                stream.drain(LiveEvents.HEARTBEAT_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(stream.offer(new byte[] {1})).isTrue();
        client.writing.await();

        int accepted = 0;
        while (stream.offer(new byte[] {2})) {
            accepted++;
            assertThat(accepted).as("offers accepted before the stream is dropped").isLessThanOrEqualTo(LiveStream.QUEUE);
        }
        assertThat(accepted).isEqualTo(LiveStream.QUEUE);
        assertThat(stream.isOpen()).isFalse();

        client.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !writer.isAlive());
    }
}
