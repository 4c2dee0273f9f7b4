# background commands: &, $!, wait, wait PID status, compound commands and functions in the background
sleep 0.2 &
p=$!
wait $p; echo "waited for sleep: $?"
sh -c 'exit 3' &
wait $!; echo "background status: $?"
{ echo "group in background" > bg1.txt; } &
wait; cat bg1.txt
f() { echo "function in background $1" > bg2.txt; }
f arg &
wait; cat bg2.txt
for i in 1 2 3; do echo $i; done > bg3.txt &
wait; cat bg3.txt
( sleep 0.1; echo "subshell in background" > bg4.txt ) &
wait $!; cat bg4.txt
true && echo "and-list in background" > bg5.txt &
wait; cat bg5.txt
x=before; x=changed & wait; echo "assignment in background leaves x=$x"
here=$(pwd); cd /etc & wait; [ "$(pwd)" = "$here" ] && echo "cd in background stays behind"
wait; echo "wait with no jobs: $?"
echo "done"
