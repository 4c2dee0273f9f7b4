# subshell environments: ( ), $( ), pipelines; state that stays behind
x=1
( x=2; cd /etc; echo "inner x=$x" ); echo "outer x=$x"
y=$(x=3; echo $x); echo "substituted $y, x=$x"
echo value | read piped; echo "read in a pipeline: [$piped]"
echo a | { read first; echo "inside braces: $first"; }
cd /; (cd /etc; pwd); pwd
( exit 4 ); echo "exit in subshell: $?"
z=$(exit 7); echo "exit in substitution: $?"
f() { echo "function in subshell"; }
( f )
echo hello | ( read w; echo "got $w" )
( set -- a b c; echo "$# in subshell" ); echo "$# outside"
unset v; ( v=set ); echo "v=[$v]"
( trap 'echo trap in subshell' EXIT; true )
(( echo double parens are two subshells ) )
echo $( ( echo nested subshell in substitution ) )
total=0; for n in 1 2 3; do total=$((total + n)); done | cat; echo "loop in pipeline leaves total=$total"
counter=0
while read n; do counter=$((counter + n)); done <<EOF
5
6
EOF
echo "loop with here-document keeps counter=$counter"
echo "$(echo one; echo two)"
r=$(echo "a"; false); echo "status of substitution: $?"
echo "last"
