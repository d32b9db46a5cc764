package dev.parley.ui.banner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.call.Notice;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BannerQueueTest {

    private final AtomicLong now = new AtomicLong();
    private final BannerQueue queue = new BannerQueue(now::get);

    @Test
    void aKeyedBannerIsReplacedInPlaceAndResolved() {
        queue.show(Notice.info("first"));
        Banner warning = queue.show(Notice.warning("Reconnecting…", ""), "status");
        queue.show(Notice.info("last"));
        Banner error = queue.show(Notice.error("Could not reconnect.", "Try again later."), "status");
        assertThat(queue.banners()).extracting(b -> b.notice().sentence())
                .containsExactly("first", "Could not reconnect.", "last");
        assertThat(error.id()).isNotEqualTo(warning.id());
        assertThat(queue.find("status")).isSameAs(error);
        assertThat(queue.resolve("status")).isTrue();
        assertThat(queue.resolve("status")).isFalse();
        assertThat(queue.banners()).hasSize(2);
    }

    @Test
    void beyondTheLimitInformationGoesFirst() {
        queue.show(Notice.error("e1", ""));
        queue.show(Notice.info("i1"));
        queue.show(Notice.warning("w1", ""));
        queue.show(Notice.info("i2"));
        queue.show(Notice.info("i3"));
        assertThat(queue.banners()).extracting(b -> b.notice().sentence()).containsExactly("e1", "w1", "i2", "i3");
        queue.show(Notice.error("e2", ""));
        queue.show(Notice.error("e3", ""));
        queue.show(Notice.error("e4", ""));
        assertThat(queue.banners()).extracting(b -> b.notice().sentence()).containsExactly("w1", "e2", "e3", "e4");
        assertThat(queue.banners()).hasSize(BannerQueue.MAX_VISIBLE);
    }

    @Test
    void untilResolvedInformationDoesNotFade() {
        queue.showUntilResolved(Notice.info("Connecting…"), "status");
        now.addAndGet(BannerQueue.INFO_MILLIS * 10);
        queue.tick();
        assertThat(queue.banners()).hasSize(1);
        queue.clear();
        assertThat(queue.banners()).isEmpty();
    }
}
