package dev.parley.capture;

import dev.parley.rtc.media.AudioSource;

/** An open microphone, real or synthetic: 10 ms frames to a sink, watched for failure. */
public interface AudioCaptureDevice extends RunningDevice, AudioSource {
}
