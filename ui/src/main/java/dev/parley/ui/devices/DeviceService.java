package dev.parley.ui.devices;

import dev.parley.rtc.media.VideoSource;
import java.util.List;

/**
 * The person's camera, microphone and speaker as the lobby and the call view show them (the app implements it over
 * the capture module; the UI never touches a device). Called on the JavaFX thread; returns at once (opening a device
 * happens in the background, its outcome arrives through {@link DeviceEvents}).
 */
public interface DeviceService {

    /** Where device events go; set once by the view model. */
    void setEvents(DeviceEvents events);

    /** The devices of a kind present now, in picker order (synthetic stand-ins such as "Test pattern" last). */
    List<DeviceOption> devices(DeviceOption.Kind kind);

    /** The device in use for a kind, or {@code null} when none. */
    DeviceOption selected(DeviceOption.Kind kind);

    /** Uses {@code option} for its kind from now on (in the lobby and in a call). */
    void select(DeviceOption option);

    /** The chosen camera's frames (lent, on the capture thread) for the self-preview; {@code null} when none. */
    VideoSource preview();

    /** The microphone's current level in dBFS (-100 = silence), for the level meter; cheap, polled ~20 times/s. */
    double microphoneLevelDbfs();
}
