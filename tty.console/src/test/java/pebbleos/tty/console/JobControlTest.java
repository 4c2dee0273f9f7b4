package pebbleos.tty.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import pebbleos.api.process.Processes;

public class JobControlTest {
    private final FakeProcesses table = new FakeProcesses();
    private final Processes processes = table.service();
    private final List<String> echoed = new ArrayList<>();
    private final JobControl jobs = new JobControl(() -> processes, echoed::add);

    @Before
    public void twoGroups() {
        table.groups.add(1);
        table.groups.add(7);
        table.foreground = 7;
    }

    @Test
    public void ctrlCInterruptsTheForegroundGroupAndEchoes() {
        assertTrue(jobs.handle("^C", true));
        assertEquals(List.of("7:SIGINT"), table.signals());
        assertEquals(List.of("^C"), echoed);
    }

    @Test
    public void ctrlZStopsTheForegroundGroup() {
        assertTrue(jobs.handle("^Z", true));
        assertEquals(List.of("7:SIGTSTP"), table.signals());
        assertEquals(List.of("^Z"), echoed);
        assertFalse(jobs.takeDetach(7));
    }

    @Test
    public void f1StopsTheGroupAndRecordsADetachRequestTakenOnce() {
        assertTrue(jobs.handle("F1", true));
        assertEquals(List.of("7:SIGTSTP"), table.signals());
        assertTrue(echoed.isEmpty());
        assertFalse(jobs.takeDetach(1));
        assertTrue(jobs.takeDetach(7));
        assertFalse(jobs.takeDetach(7));
    }

    @Test
    public void theLineEditorShowsTheKeyItself() {
        jobs.handle("^C", false);
        assertTrue(echoed.isEmpty());
        assertEquals(List.of("7:SIGINT"), table.signals());
    }

    @Test
    public void otherKeysAreNotJobControl() {
        assertFalse(jobs.handle("a", true));
        assertFalse(jobs.handle("^X", true));
        assertFalse(JobControl.isJobKey("F2"));
        assertTrue(table.signals().isEmpty());
    }

    @Test
    public void withoutAForegroundGroupNothingIsSignalled() {
        table.foreground = 0;
        jobs.handle("^C", true);
        jobs.handle("F1", true);
        assertTrue(table.signals().isEmpty());
        assertFalse(jobs.takeDetach(0));
    }

    @Test
    public void aGroupThatJustEndedIsNoError() {
        table.foreground = 9;
        assertTrue(jobs.handle("^C", true));
        assertTrue(table.signals().isEmpty());
    }
}
