# $(...), backquotes, $((...)), field splitting, $@ and $*, quoting, $$ $! $0 $#, ~, globs
echo "today is $(echo Friday)"
echo "nested $(echo "a $(echo b $(echo c))")"
echo "backquotes `echo one` and `echo two \`echo three\``"
x=$(printf 'a\nb\n\n\n'); echo "trailing newlines removed: [$x]"
lines=$(printf 'l1\nl2'); echo "$lines"
set -- $(echo "split  into   words")
echo "$# fields: $1|$2|$3"
echo "quoted stays one: $(echo "a   b")"
v="a   b   c"
echo $v
echo "$v"
set -- $v; echo "$#"
IFS=:
path="x:y::z"
set -- $path; echo "IFS=: gives $#: $1,$2,$3,$4"
IFS=" 	
"
set -- "a b" c "d e f"
echo "count $#"
for a in "$@"; do echo "[\$@ $a]"; done
for a in $@; do echo "[unquoted \$@ $a]"; done
for a in "$*"; do echo "[\$* $a]"; done
IFS=,; echo "joined: $*"; IFS=" 	
"
set --
for a in "$@"; do echo never; done; echo "no args: $#"
echo "empty \$@ gives [$@]"
f() { echo "f got $#"; }; f "$@"; f "$*"
set -- "" ""
echo "two empties: $#"; f "$@"; f $@
echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((-7 / 2)) $((7 % 3)) $((-7 % 3))
echo $((2 ** 10)) $((1 << 4)) $((256 >> 2)) $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((~5)) $((!0)) $((!5))
echo $((3 > 2)) $((3 < 2)) $((3 >= 3)) $((3 <= 2)) $((3 == 3)) $((3 != 3)) $((1 && 0)) $((1 || 0))
echo $((010)) $((0x1f)) $((0X10)) $((2#101)) $((16#ff))
i=5; echo $((i += 3)) $i $((i -= 1)) $((i *= 2)) $((i /= 3)) $((i %= 3))
j=1; echo $((j++)) $j $((++j)) $j $((j--)) $j $((--j)) $j
echo $((1 ? 10 : 20)) $((0 ? 10 : 20)) $((a = 4, a * a))
n=7; echo $((n * 2)) $(( n * 2 )) $(($n * 2))
expr="3+4"; echo $((expr * 2))
echo $(( 9223372036854775807 + 1 ))
big=$((2**62)); echo $((big * 2))
echo "$((1+1))" '$((1+1))' "\$((1+1))"
echo ${#}
echo "pid is a number: $(echo $$ | grep -c '^[0-9][0-9]*$')"
sleep 0 & pid=$!; wait $pid; echo "bg pid is a number: $(echo $pid | grep -c '^[0-9][0-9]*$')"
echo "script: $0"
echo '$HOME' "\$HOME" \$HOME
echo "a\\b" 'a\\b' a\\b
echo "quote\"d" 'it'\''s' "mixed 'single'" 'mixed "double"'
echo \* '*' "*"
echo a\ b "c\ d"
t="tab	here"; case $t in *"	"*) echo "has a tab";; esac
a=$'ansi\ttab'; case $a in ansi"	"tab) echo "ansi-c tab";; esac; echo $'nl\\n' $'q\'s'
echo "line1
line2"
e=""; echo "[$e]" [$e] ["$e"]
echo x${e}y "x${e}y"
echo '#not a comment' # but this is
echo a#b
touch gw1.txt gw2.txt gw3.log
echo gw*.txt
echo "gw*.txt" 'gw*'
echo gw?.log
echo gw[12].txt
echo nomatch*.xyz
set -f; echo gw*.txt; set +f
star='*'; echo "$star"
rm gw1.txt gw2.txt gw3.log
echo ~ | grep -c /
echo "~" '~'
