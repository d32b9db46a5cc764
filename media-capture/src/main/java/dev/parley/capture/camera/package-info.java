/**
 * Cameras through sarxos webcam-capture: {@link dev.parley.capture.camera.CameraDevices} lists them (hardware cameras
 * and, if wanted, the test pattern), {@link dev.parley.capture.camera.CameraCapture} captures one into the engine's
 * I420 {@link dev.parley.rtc.media.VideoFrame}s on its own thread, {@link dev.parley.capture.camera.CameraErrors} turns
 * driver failures into {@link dev.parley.capture.DeviceProblem}s. Parley installs one sarxos driver,
 * {@link dev.parley.capture.camera.ParleyWebcamDriver}: sarxos's native cameras plus the test pattern, a failing or
 * stuck native driver never hiding the test pattern.
 */
package dev.parley.capture.camera;
