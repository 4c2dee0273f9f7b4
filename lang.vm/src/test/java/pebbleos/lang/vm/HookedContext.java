package pebbleos.lang.vm;

import java.nio.file.Path;

import pebbleos.lang.core.testing.HostContext;

/**
 * The test kernel on a disk folder, for tests that override what a print or a
 * safe point does (ask for a suspension after N lines, deliver a signal).
 */
class HookedContext extends HostContext {
    HookedContext(Path root) {
        super(root, HostContext.systemTree());
    }

    String out() {
        return out.toString();
    }
}
