# & jobs fg bg wait kill
sleep 0.3 &
jobs
wait
echo "waited $?"
jobs
sh -c 'exit 3' &
wait %1
echo "job status $?"
sleep 10 &
jobs
kill %1
wait %1
echo "killed status $?"
jobs
echo start; sleep 0.2 & echo same-line
wait
sh -c 'sleep 0.2; echo bg-output' &
echo before
fg
echo "fg status $?"
fg; echo "no job $?"
kill %9; echo "kill status $?"
sleep 0.1 && echo in-list &
wait
echo done
sh -c 'exit 6' &
echo "last background pid is a number: $(false)" | grep -c number
wait $!; echo "wait pid $?"
jobs
wait 99999; echo "not a child $?"
set -x
echo traced
set +x
echo untraced
