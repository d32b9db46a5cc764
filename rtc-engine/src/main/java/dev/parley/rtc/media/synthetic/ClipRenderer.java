package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/** Draws frame N of one kind of clip into a frame of the clip's size (checked by {@link SyntheticVideo}). */
interface ClipRenderer {

    void render(int frameIndex, VideoFrame target);
}
