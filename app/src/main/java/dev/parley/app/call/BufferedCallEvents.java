package dev.parley.app.call;

import dev.parley.ui.call.CallEvents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * The call's events before the call view listens: the mesh starts with the room (people and tracks arrive at once),
 * the view a moment later. Calls are queued (bounded) until {@link #attach}, then replayed in order and passed on.
 */
final class BufferedCallEvents {

    private static final int MAX_QUEUED = 1_000;

    private final List<Object[]> queued = new ArrayList<>();
    private CallEvents target; // guarded by this
    private final CallEvents proxy;

    BufferedCallEvents() {
        proxy = (CallEvents) Proxy.newProxyInstance(CallEvents.class.getClassLoader(),
                new Class<?>[] {CallEvents.class}, (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    deliver(method, args);
                    return null;
                });
    }

    /** Where the mesh reports to. */
    CallEvents events() {
        return proxy;
    }

    // Delivery holds the lock too, so replayed and new events never interleave; the view model only posts them on.
    private synchronized void deliver(Method method, Object[] args) {
        if (target == null) {
            if (queued.size() < MAX_QUEUED) {
                queued.add(new Object[] {method, args});
            }
            return;
        }
        invoke(target, method, args);
    }

    /** From now on events go to {@code next}, after everything queued so far. */
    synchronized void attach(CallEvents next) {
        for (Object[] call : queued) {
            invoke(next, (Method) call[0], (Object[]) call[1]);
        }
        queued.clear();
        target = next;
    }

    private static void invoke(CallEvents t, Method method, Object[] args) {
        try {
            method.invoke(t, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
