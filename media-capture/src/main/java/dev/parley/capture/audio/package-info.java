/**
 * Microphone and speaker through Java Sound, at Parley's one format (48 kHz, signed 16-bit little-endian PCM):
 * {@link dev.parley.capture.audio.SoundDevices} lists them, {@link dev.parley.capture.audio.Microphone} captures 10 ms
 * frames through a {@link dev.parley.capture.audio.NoiseGate} and a {@link dev.parley.capture.audio.LevelMeter},
 * {@link dev.parley.capture.audio.Speaker} plays what an {@link dev.parley.capture.audio.AudioMixer} mixes from the
 * remote tracks.
 *
 * <p>Clocks: the speaker line is the playout clock (its blocking write paces the speaker thread); the microphone line
 * is never trusted as a clock. Both threads also cap their rate at real time, because some lines (ALSA's null device,
 * measured with alsa-lib 1.2.8) accept and deliver audio as fast as they are called.
 */
package dev.parley.capture.audio;
