# pebble: run a program, or a REPL that keeps definitions across lines
pebble prog.peb a b; echo "status $?"
pebble prog; echo "status $?"
pebble nosuch.peb; echo "status $?"
pebble < repl.txt; echo "repl status $?"
echo 'undefined_name' | pebble; echo "repl error status $?"
echo 'exit(3)' | pebble; echo "repl exit $?"
printf_missing=1
echo 'print 6 * 7' > six.peb; pebble six.peb
