/**
 * The person's own devices during a call, assembled: {@link dev.parley.capture.local.LocalMedia} holds the device
 * catalog, the camera and microphone sources a call sends (each surviving unplugs through a failover), and the
 * speaker that plays the mix of every remote track. The app builds one and hands its sources to the engine.
 */
package dev.parley.capture.local;
