/**
 * Camera, microphone and speaker, and synthetic stand-ins for them, feeding the engine's frame types.
 */
package dev.parley.capture;
