package dev.parley.rtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    private final EventLoop loop = new EventLoop("test-loop");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void tasksRunInOrderOnTheLoopThreadAndFailuresDoNotStopIt() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> order.add(1));
        loop.execute(() -> {
            throw new IllegalStateException("a bug in one task");
        });
        loop.execute(() -> order.add(loop.inLoop() ? 2 : -2));
        loop.execute(done::countDown);
        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(1, 2);
        assertThat(loop.failures()).isEqualTo(1);
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void timersFireInDeadlineOrderAndCancelledOnesDoNot() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        long t0 = System.nanoTime();
        loop.schedule(() -> fired.add("80"), 80, TimeUnit.MILLISECONDS);
        loop.schedule(() -> fired.add("20"), 20, TimeUnit.MILLISECONDS);
        EventLoop.Timer cancelled = loop.schedule(() -> fired.add("50"), 50, TimeUnit.MILLISECONDS);
        loop.schedule(last::countDown, 120, TimeUnit.MILLISECONDS);
        cancelled.cancel();
        assertThat(last.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).containsExactly("20", "80");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(115);
    }

    @Test
    void udpDatagramsArriveOnTheLoopThreadAndABadHandlerCallDoesNotLoseTheNext() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        UdpSocket receiver = UdpSocket.open(loop, any, (buf, off, len, from) -> {
            String text = new String(buf, off, len, java.nio.charset.StandardCharsets.US_ASCII);
            if (text.equals("boom")) {
                throw new IllegalArgumentException("hostile datagram");
            }
            got.add(text + (loop.inLoop() ? "@loop" : "@other"));
        }).get(2, TimeUnit.SECONDS);
        UdpSocket sender = UdpSocket.open(loop, any, (b, o, l, f) -> { }).get(2, TimeUnit.SECONDS);
        assertThat(sender.send("one".getBytes(), 0, 3, receiver.localAddress())).isTrue();
        sender.send("boom".getBytes(), 0, 4, receiver.localAddress());
        sender.send("two".getBytes(), 0, 3, receiver.localAddress());
        assertThat(got.poll(2, TimeUnit.SECONDS)).isEqualTo("one@loop");
        assertThat(got.poll(2, TimeUnit.SECONDS)).isEqualTo("two@loop");
        assertThat(loop.failures()).isEqualTo(1);
        assertThat(receiver.received()).isEqualTo(3);

        sender.close();
        Thread.sleep(50);
        assertThat(sender.send("late".getBytes(), 0, 4, receiver.localAddress())).isFalse();
        assertThat(sender.sendDrops()).isEqualTo(1);
    }

    @Test
    void closingStopsTheThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread[] loopThread = new Thread[1];
        loop.execute(() -> {
            loopThread[0] = Thread.currentThread();
            started.countDown();
        });
        assertThat(started.await(2, TimeUnit.SECONDS)).isTrue();
        loop.close();
        loopThread[0].join(2_000);
        assertThat(loopThread[0].isAlive()).isFalse();
    }
}
