# trap: EXIT, INT, TERM, '' (ignore), - (reset); kill -s; signals to $$
trap 'echo exit trap ran' EXIT
trap 'echo caught TERM' TERM
kill -TERM $$
echo "after TERM"
trap 'echo caught INT; echo status in trap $?' INT
kill -INT $$
echo "after INT"
trap - INT
trap '' TERM
kill -TERM $$
echo "TERM ignored"
trap
trap - TERM
sh -c 'trap "echo child exit trap" EXIT; echo child body'
sh -c 'trap "echo exit status was \$?" EXIT; exit 5'; echo "child status $?"
( trap 'echo subshell exit' EXIT; echo in subshell )
sh -c 'trap "echo never" EXIT; trap - EXIT; echo reset'
f() { trap 'echo trap from function' EXIT; }
f
echo "end of script"
