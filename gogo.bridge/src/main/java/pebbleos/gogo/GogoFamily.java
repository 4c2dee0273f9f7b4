package pebbleos.gogo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;

/**
 * The {@code gogo} family: the Pebble shell runs a Gogo command
 * ({@code gogo_run("lb")}) and gets its output. Like the commands the other
 * way, it exists only while the bridge is enabled; without it the Pebble
 * {@code gogo} command says so.
 */
@ProvidesFamily("gogo")
@Component(service = SyscallFamily.class, configurationPid = "pebbleos.gogo",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = SyscallFamily.FAMILY + "=gogo")
public final class GogoFamily implements SyscallFamily {
    @Reference
    private CommandProcessor processor;

    @Override
    public String name() {
        return "gogo";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(new Syscall("gogo_run", "line", "run a Gogo command line; what it printed and returned",
                this::run));
    }

    private Object run(TaskContext caller, Object[] values) {
        String line = Args.of("gogo_run", values, 1, 1).string(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = caller.blocking("running", () -> {
                try {
                    return session.execute(line);
                } catch (Exception e) {
                    throw new PebbleException(Errno.INVAL, "gogo: " + e.getMessage());
                }
            });
            if (result != null) {
                CharSequence text = result instanceof CharSequence cs ? cs
                        : session.format(result, org.apache.felix.service.command.Converter.INSPECT);
                out.print(text);
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    out.println();
                }
            }
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
