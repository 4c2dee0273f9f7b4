# physics, ui_demo, top and htop without a terminal
export COLUMNS=80
export LINES=24
# physics reads its commands from standard input (the original's grammar)
printf 'add ball 5 2 1 0 1 o\nfill 0 12 39 15 solid\nfill 12 8 28 11 liquid\nstep 6\nlist\nrm ball\nquit\n' | physics
printf 'size 10 6\nadd a 1 1 0 0 2 A\nadd a 2 2\nfoo\ngravity x\nfill 0 0 1 1 lava\nair 0.5\nrun 3\nlist\nclearobjects\nreset\n' | physics > physics.txt
echo "status $?"
tail -6 physics.txt
printf 'help\n' | physics | tail -3
physics nosuch.txt
echo "status $?"
# ui_demo: the reference app of system.lib.tui, its state kept between runs
help ui_demo | head -2
ui_demo --reset --once | head -5
cat .__ui_demo_state__.txt
echo
printf 'selected|3\nvisits|7\nnote|a \\p note\n' > .__ui_demo_state__.txt
ui_demo --once | grep -c '> Input'
cat .__ui_demo_state__.txt
echo
ui_demo --reset --once | grep -c '> Loop'
ui_demo --nosuch
echo "status $?"
# top and htop: one snapshot each, CPU% and CPU time in the tables
top --once | grep -c 'Pebble top'
top --once | grep -c ' CPU%    MEM     TIME  PID KIND STATE PGID EXIT PROGRAM'
top --once | grep -c '/system/bin/top.peb'
top --once --threads | grep -c ' CPU%     TIME   TID TGID STATE NAME'
top -H --once --sort name | grep -c 'run   top'
htop --once | grep -c '#    PID   STATE        KIND      EXIT  CPU%    MEM     TIME  PROGRAM'
top --sort nosuch
echo "status $?"
top extra
echo "status $?"
