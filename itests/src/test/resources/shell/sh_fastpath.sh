# the counting loop's fast paths (test/[ of two integers or strings, NAME=$((X + Y)))
# answer as the general paths do, and step aside whenever those would differ
i=0
while [ $i -lt 5 ]; do i=$((i+1)); done; echo "while: $i"
until test $i -le 0; do i=$((i-2)); done; echo "until: $i"
n=3; total=0
while [ "$n" -gt 0 ]; do total=$((total+n)); n=$((n-1)); done; echo "total: $total"
# the operators, integers
for op in -lt -le -gt -ge -eq -ne; do
    a=4; b=7
    if [ $a $op $b ]; then r=yes; else r=no; fi
    if [ 7 $op $a ]; then s=yes; else s=no; fi
    if test $b $op 7; then t=yes; else t=no; fi
    echo "$op $r $s $t"
done
# strings
w=abc
[ "$w" = abc ] && echo "= literal"
[ "$w" != abd ] && echo "!= literal"
[ "$w" = "$w" ] && echo "= itself"
[ abc = "$w" ]; echo "literal first: $?"
x=-5; [ $x -lt 0 ] && echo "negative"
# octal in $((...)), decimal in test: "010" is 8 there, 10 here
o=010; [ $o -eq 10 ] && echo "test: 10"; o=$((o+0)); echo "arith: $o"
# a variable that is not a number, unset, empty or several fields
u=abc; [ $u -lt 1 ] 2>/dev/null; echo "not a number: $?"
[ $unset_var -lt 1 ] 2>/dev/null; echo "unset: $?"
e=""; [ "$e" = "" ] && echo "empty string"
f="1 2"; [ $f -lt 3 ] 2>/dev/null; echo "two fields: $?"
z=10; IFS=1; [ $z -lt 5 ] 2>/dev/null; echo "IFS splits it: $?"; IFS=' '
unset IFS; [ $z -gt 5 ] && echo "IFS unset"
IFS=' 	
'
g='*'; [ "$g" = '*' ] && echo "quoted pattern"
# arithmetic operands: a variable that is not a known integer, an unset one
h=0x10; v=$((h+1)); echo "hexadecimal variable: $v"
v=$((never_set+4)); echo "unset operand: $v"
c=$((4-c)); echo "itself: $c"
big=9223372036854775807; v=$((big+1)); echo "wraps: $v"; v=$((v-1)); echo "back: $v"
# a function named test is called instead of the builtin
test() { echo "function test $*"; return 3; }
test 1 -lt 2; echo "function status: $?"
unset -f test
test 1 -lt 2; echo "builtin again: $?"
# read-only, exported and allexport variables
readonly ro=1
(ro=$((ro+1))) 2>/dev/null || echo "readonly refused"
export ex=1; ex=$((ex+1)); sh -c 'echo "exported: $ex"'
set -a; ae=$((5+1)); set +a; sh -c 'echo "allexport: $ae"'
# set -x traces the fast commands too
(set -x; k=$((1+1)); test $k -eq 2) 2>&1
# set -e: a failing test in a loop condition does not end the script, one alone does
(set -e; [ 1 -gt 5 ]; echo "not reached"); echo "errexit subshell: $?"
set -e
k=0; while [ $k -lt 2 ]; do k=$((k+1)); done; echo "errexit loop: $k"
[ $k -lt 5 ] && echo "errexit and-list"
set +e
# break and continue inside a fast loop
m=0; while [ $m -lt 10 ]; do m=$((m+1)); if [ $m -eq 4 ]; then break; fi; done; echo "break: $m"
# $? and LINENO after the fast paths
[ 2 -gt 3 ]; echo "status: $?"
q=$((1+1)); echo "assignment status: $?"
false; q=$((q+1)); echo "after false: $?"
