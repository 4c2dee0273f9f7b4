# assorted: comments, line continuation, empty commands, ; and newlines, command lookup, exit statuses
echo one \
  two \
  three
echo "a" ; echo "b" ;
  echo "leading blanks"
# a full-line comment
echo "after # comment" # trailing comment
x=1 y=2; echo "$x $y"
x=3 sh -c 'echo "prefix assignment: $x"'; echo "x stays $x"
unset x; x=4 true; echo "after prefix on builtin: [$x]"
nosuchcommand 2>/dev/null; echo "not found: $?"
/nosuch/path 2>/dev/null; echo "no such path: $?"
exit_with() { return $1; }
exit_with 0 && echo "and: yes" || echo "and: no"
exit_with 1 && echo "and: yes" || echo "or: rescued"
true || false && echo "left to right"
{ false; } || echo "group failed"
echo $(( $(echo 3) + 4 ))
var=abc; echo "${var}def" "$var"def "${var}"
echo "$(echo "quotes "inside" work")"
echo 'single '"double"' single'
echo -n "no newline"; echo " then newline"
echo -e 'escape\tsequences' | cat
echo -- -n
printf '%s\n' "multiple" "args"
v=$(printf '%s' abc); echo "${#v}"
readonly ro=fixed
( ro=changed ) 2>/dev/null || echo "readonly refused"
echo "ro=$ro"
export EXPORTED_VAR=exp; sh -c 'echo "child sees $EXPORTED_VAR"'
NOT_EXPORTED=local; sh -c 'echo "child sees [$NOT_EXPORTED]"'
unset EXPORTED_VAR; sh -c 'echo "after unset [$EXPORTED_VAR]"'
echo "$((1))$((2))"
l="$(echo a)$(echo b)"; echo $l
if [ "a" = "a" ] && [ "b" != "c" ]; then echo "test chains"; fi
[ -z "" ] && [ -n "x" ] && echo "z and n"
test 5 -gt 3 -a 2 -lt 4 && echo "-a works"
[ ! -d /nonexistent ] && echo "negated test"
[ "abc" \< "abd" ] && echo "string order"
echo "last status $?"
