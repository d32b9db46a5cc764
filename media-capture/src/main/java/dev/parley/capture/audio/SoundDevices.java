package dev.parley.capture.audio;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The microphones and speakers Java Sound offers: its mixers that can capture (a {@link TargetDataLine}) or play (a
 * {@link SourceDataLine}) Parley's format, 48 kHz signed 16-bit little-endian, mono (a speaker may be mono or stereo).
 *
 * <p>A device's id is made from its mixer's name, vendor and description, so the same device keeps its id between
 * listings and runs; its name is the mixer's name ("System default" for ALSA's "default [default]").
 *
 * <p>Listing runs Java Sound on a worker thread ("parley-sound-devices") and gives up after {@value
 * #LIST_TIMEOUT_MS} ms, so a hung driver cannot hang a caller; concurrent callers share one listing. With no sound
 * card Java Sound finds no mixer and the lists are empty; nothing here throws.
 */
public final class SoundDevices {

    /** 48 kHz, 16-bit signed little-endian, mono: what the microphone captures and the mixer produces. */
    static final AudioFormat MONO = new AudioFormat(48_000f, 16, 1, true, false);
    /** The same, stereo: a speaker that cannot play mono gets the mono samples on both channels. */
    static final AudioFormat STEREO = new AudioFormat(48_000f, 16, 2, true, false);

    static final long LIST_TIMEOUT_MS = 3_000;

    private static final String ID_PREFIX = "javasound:";
    private static final Object LOCK = new Object();
    private static CompletableFuture<List<Found>> inFlight;

    private SoundDevices() {
    }

    /** Mixers that can capture 48 kHz 16-bit mono. */
    public static DeviceProvider microphones() {
        return () -> list(DeviceKind.MICROPHONE);
    }

    /** Mixers that can play 48 kHz 16-bit mono or stereo. */
    public static DeviceProvider speakers() {
        return () -> list(DeviceKind.SPEAKER);
    }

    /** One usable device and the mixer behind it. */
    record Found(DeviceInfo device, Mixer.Info mixer) {
    }

    private static List<DeviceInfo> list(DeviceKind kind) {
        List<DeviceInfo> devices = new ArrayList<>();
        for (Found f : find()) {
            if (f.device().kind() == kind) {
                devices.add(f.device());
            }
        }
        return List.copyOf(devices);
    }

    /** The mixer of a listed device, or {@code null} when it is not (or no longer) present. */
    static Mixer.Info mixerOf(DeviceInfo device) {
        for (Found f : find()) {
            if (f.device().kind() == device.kind() && f.device().id().equals(device.id())) {
                return f.mixer();
            }
        }
        return null;
    }

    /** Every usable device, from a (possibly shared) listing bounded in time; empty on any failure. */
    static List<Found> find() {
        CompletableFuture<List<Found>> listing;
        synchronized (LOCK) {
            if (inFlight == null || inFlight.isDone()) {
                CompletableFuture<List<Found>> next = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        next.complete(enumerate());
                    } catch (Throwable e) { // a broken Java Sound install (LinkageError included) lists nothing
                        next.complete(List.of());
                    }
                }, "parley-sound-devices");
                t.setDaemon(true);
                t.start();
                inFlight = next;
            }
            listing = inFlight;
        }
        try {
            return listing.get(LIST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    private static List<Found> enumerate() {
        List<Found> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(info);
            } catch (RuntimeException e) {
                continue;
            }
            String id = uniqueId(ids, idOf(info));
            String name = displayName(info);
            if (supports(mixer, TargetDataLine.class, MONO)) {
                found.add(new Found(DeviceInfo.of(DeviceKind.MICROPHONE, id, name), info));
            }
            if (supports(mixer, SourceDataLine.class, MONO) || supports(mixer, SourceDataLine.class, STEREO)) {
                found.add(new Found(DeviceInfo.of(DeviceKind.SPEAKER, id, name), info));
            }
        }
        return List.copyOf(found);
    }

    static boolean supports(Mixer mixer, Class<?> lineClass, AudioFormat format) {
        try {
            return mixer.isLineSupported(new DataLine.Info(lineClass, format));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String idOf(Mixer.Info info) {
        return ID_PREFIX + clean(info.getName()) + "|" + clean(info.getVendor()) + "|" + clean(info.getDescription());
    }

    private static String uniqueId(Set<String> taken, String id) {
        String unique = id;
        for (int n = 2; !taken.add(unique); n++) {
            unique = id + "#" + n;
        }
        return unique;
    }

    private static String displayName(Mixer.Info info) {
        String name = clean(info.getName());
        if (name.isEmpty()) {
            name = clean(info.getDescription());
        }
        if (name.equals("default [default]") || name.isEmpty()) {
            return "System default";
        }
        return name;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
