package dev.parley.capture;

import dev.parley.rtc.media.VideoSource;

/** An open camera, real or synthetic: frames to a sink, watched for failure. */
public interface VideoCaptureDevice extends RunningDevice, VideoSource {
}
