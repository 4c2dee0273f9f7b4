# runbg/execbg jobs in the original PebbleOS's formats: "[N] NAME" when one
# starts, "[N] STATE runbg /PATH" in jobs, "[N] /PATH" from bg, "[N] done"
# (or "[N] exit STATUS") after fg; a finished one stays listed until fg takes it
runbg waiter.peb one
jobs
touch go
fg 1
echo "fg status $?"
rm go ended
execbg waiter.peb two
bg 1
touch go
wait
echo "wait status $?"
rm ended
runbg waiter.peb fail
while ! [ -f ended ]; do sleep 0.1; done
sleep 0.5
jobs
fg %1
echo "fg status $?"
jobs
echo "no jobs left"
# & jobs keep sh's formats
rm go
sleep 5 &
jobs
kill %1
wait
echo "end"
# the original's shell takes `cmd &; next` (POSIX sh would call the ';' a syntax error)
sleep 5 &; jobs; kill %1; wait; echo "end &;"
