package pebbleos.lang.vm;

import java.nio.file.Path;
import java.util.function.Supplier;

import pebbleos.api.process.ProcessView;
import pebbleos.api.process.TaskContext;
import pebbleos.lang.core.testing.HostContext;

/**
 * The test kernel with hooks: it forwards to a {@link HostContext} and lets a
 * test react to prints (ask for a suspension after N lines) and decide what a
 * safe point does (deliver a signal).
 */
class HookedContext extends TaskContext {
    final HostContext host;

    HookedContext(Path root) {
        this.host = Programs.context(root);
    }

    String out() {
        return host.out.toString();
    }

    @Override
    public ProcessView process() {
        return host.process();
    }

    @Override
    public int tid() {
        return host.tid();
    }

    @Override
    public void safePoint() {
        host.safePoint();
    }

    @Override
    public Object syscall(String name, Object... args) {
        return host.syscall(name, args);
    }

    @Override
    public void print(String text) {
        host.print(text);
    }

    @Override
    public void printError(String text) {
        host.printError(text);
    }

    @Override
    public String readLine(String prompt) {
        return host.readLine(prompt);
    }

    @Override
    public void flush() {
        host.flush();
    }

    @Override
    public void setState(String state) {
        host.setState(state);
    }

    @Override
    public <T> T blocking(String state, Supplier<T> operation) {
        return host.blocking(state, operation);
    }
}
