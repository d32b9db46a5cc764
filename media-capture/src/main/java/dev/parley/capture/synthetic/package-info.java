/**
 * Synthetic stand-ins for real devices, so Parley can be used, demonstrated and tested on a machine without a camera
 * or sound card. The camera half is {@link dev.parley.capture.synthetic.TestPatternDriver}: a sarxos webcam driver
 * whose one device, "Test pattern", delivers a moving, stamped picture at a steady frame rate through the same
 * {@code Webcam} API as a real camera; {@link dev.parley.capture.synthetic.TestPatternStamp} reads the stamps back
 * from a received frame (frame number, capture time, glass-to-glass latency). The microphone half is
 * {@link dev.parley.capture.synthetic.SyntheticMicrophone}: a test tone, a looped speech sample
 * ({@link dev.parley.capture.synthetic.SpeechSampleSource}, from assets/sounds) and silence, as devices.
 */
package dev.parley.capture.synthetic;
