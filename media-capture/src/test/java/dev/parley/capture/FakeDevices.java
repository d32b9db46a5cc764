package dev.parley.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake device provider for tests: devices are plugged in and unplugged by the test; opening one gives a
 * {@link FakeCamera} or the problem the test arranged for it.
 */
final class FakeDevices implements DeviceProvider, DeviceOpener<FakeCamera> {

    private final List<DeviceInfo> present = new CopyOnWriteArrayList<>();
    private final Map<String, DeviceProblem> refusals = new HashMap<>();
    final List<FakeCamera> opened = new CopyOnWriteArrayList<>();
    private final java.util.function.LongSupplier clock;

    FakeDevices(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    static DeviceInfo camera(String id) {
        return DeviceInfo.of(DeviceKind.CAMERA, id, "Camera " + id);
    }

    void plug(DeviceInfo device) {
        present.add(device);
    }

    void unplug(DeviceInfo device) {
        present.removeIf(d -> d.id().equals(device.id()));
    }

    synchronized void refuse(DeviceInfo device, DeviceProblem problem) {
        refusals.put(device.id(), problem);
    }

    synchronized void accept(DeviceInfo device) {
        refusals.remove(device.id());
    }

    @Override
    public List<DeviceInfo> devices() {
        return new ArrayList<>(present);
    }

    @Override
    public synchronized OpenResult<FakeCamera> open(DeviceInfo device) {
        DeviceProblem refusal = refusals.get(device.id());
        if (refusal != null) {
            return OpenResult.failed(refusal);
        }
        if (!device.synthetic() && present.stream().noneMatch(d -> d.id().equals(device.id()))) {
            return OpenResult.failed(DeviceProblem.lost(device, "not present"));
        }
        FakeCamera camera = new FakeCamera(device, clock.getAsLong());
        opened.add(camera);
        return OpenResult.opened(camera);
    }

    /** The last device opened. */
    FakeCamera last() {
        return opened.get(opened.size() - 1);
    }
}
