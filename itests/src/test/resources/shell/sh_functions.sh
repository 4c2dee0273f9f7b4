# functions: definition forms, arguments, return, local, recursion, $0 and $# inside
greet() {
    echo "hello $1 ($# args)"
}
greet world
greet "two words" extra
add() { echo $(( $1 + $2 )); }
echo "sum $(add 3 4)"
fails() { return 3; }
fails; echo "status $?"
noreturn() { false; }
noreturn; echo "last status $?"
emptyreturn() { true; return; }
emptyreturn; echo "empty return $?"
v=global
scope() {
    local v=local
    echo "in scope: $v"
    inner
}
inner() { echo "inner sees: $v"; }
scope
echo "after scope: $v"
setter() { w=set-by-function; }
setter; echo "w=$w"
fact() {
    if [ $1 -le 1 ]; then echo 1; return; fi
    local sub=$(fact $(($1 - 1)))
    echo $(( $1 * sub ))
}
echo "fact 10 = $(fact 10)"
fib() {
    if [ $1 -lt 2 ]; then echo $1; return; fi
    echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) ))
}
echo "fib 12 = $(fib 12)"
countdown() {
    local n=$1
    [ $n -eq 0 ] && { echo liftoff; return 0; }
    echo $n
    countdown $((n-1))
}
countdown 3
args() { echo "\$1=$1 \$2=$2 \$#=$#"; shift; echo "after shift: $*"; }
set -- outer1 outer2 outer3
args x y z
echo "outer still: $*"
compound() for i in 1 2; do echo "c$i"; done
compound
sub() ( cd /; echo "subshell body" )
sub
redir() { echo "to stderr" >&2; }
redir 2>&1
f2() { echo "f2"; } > f2.txt
f2; cat f2.txt
over() { echo "function echo"; }
over
unset -f over
over 2>/dev/null || echo "unset function: $?"
echo() { builtin_echo_missing 2>/dev/null; command printf '%s\n' "shadowed: $*"; }
echo hi
unset -f echo
echo "echo restored"
recurse() { if [ $1 -gt 0 ]; then recurse $(($1 - 1)); else echo "bottom"; fi; }
recurse 50
nested() {
    helper() { echo "helper defined inside"; }
    helper
}
nested
helper
