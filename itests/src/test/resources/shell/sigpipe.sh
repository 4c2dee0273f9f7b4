# a program printing forever into a pipe whose reader has gone ends at once (SIGPIPE)
/forever.peb | head -2
echo "direct $?"
run /forever.peb | head -2
echo "run $?"
exec /forever.peb | head -2
echo "exec $?"
/forever.peb | head -1 | cat
run /forever.peb | cat | head -1
yes | head -1
/forever.peb | head -3 > bg.txt &
run /forever.peb | head -4 > runbg.txt &
wait
wc -l bg.txt runbg.txt
sh inner.sh
echo "script $?"
sh -c 'exec /forever.peb | head -1'
echo done
