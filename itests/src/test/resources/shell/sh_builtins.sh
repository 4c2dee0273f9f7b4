# read, shift, set -- / -e / -u / -x / -o pipefail, eval, exec, command, true/false/:, printf, alias
printf 'one two three four\n' > words.txt
read a b rest < words.txt; echo "a=$a b=$b rest=$rest"
read -r whole < words.txt; echo "whole=$whole"
{ read -p "prompt: " v; } < words.txt 2>&1; echo "read -p, input not a terminal, no prompt: v=$v"
printf 'back\\slash x\n' > bs.txt
read v < bs.txt; echo "no -r: $v"
read -r v < bs.txt; echo "with -r: $v"
printf 'con\\\ntinued\n' > cont.txt
read v < cont.txt; echo "continued: $v"
printf '  padded  \n' > pad.txt
read v < pad.txt; echo "[$v]"
IFS= read -r v < pad.txt; echo "[$v]"
IFS=: read x y z <<EOF
1:2:3:4
EOF
echo "x=$x y=$y z=$z"
read nothing < /dev/null; echo "read at eof: $?"
printf 'no newline' | { read v; echo "status $? v=$v"; }
read REPLY_TEST <<< "value"; echo "$REPLY_TEST"
read <<< "into reply"; echo "REPLY=$REPLY"
printf 'l1\nl2\nl3\n' > lines.txt
n=0; while read -r l; do n=$((n+1)); done < lines.txt; echo "counted $n lines"
set -- 1 2 3 4 5
shift; echo "$*"
shift 2; echo "$*"
shift 5 2>/dev/null || echo "shift too far: $?"
set -- a "b c"; echo "$# $2"
set -- ; echo "cleared $#"
cmd='echo evaluated $((2+3))'; eval "$cmd"
eval 'v1=first; v2=second'; echo "$v1 $v2"
eval echo '$v1'
eval "for i in 1 2; do echo eval-loop \$i; done"
eval "false"; echo "eval status $?"
eval; echo "empty eval $?"
command echo via command
command -v echo
command -v nosuch-command || echo "command -v fails: $?"
f() { echo function; }
command -v f
true; echo "true $?"; false; echo "false $?"; :; echo ": $?"
: ignored arguments $(echo are expanded)
printf '%s-%s\n' a b c d
printf '%d %5d|%-5d|%05d\n' 42 7 7 7
printf '%x %X %o %c\n' 255 255 8 hello
printf '%.2f %s\n' 3.14159 "str"
printf 'no newline'; printf '\n'
printf '%s\n' "with\ttab" | cat
printf '%b\n' 'esc\tback'
printf 'percent %%\n'
alias greet='echo hello from alias'
greet
alias ll='echo listing'
ll
alias
unalias ll
ll 2>/dev/null || echo "unaliased: $?"
alias twice='echo one; echo two'
twice
type greet
type cd
type if
unalias -a
alias
echo "done builtins"
