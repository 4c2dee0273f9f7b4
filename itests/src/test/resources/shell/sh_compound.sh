# compound commands: if/elif/else, while, until, for, case, { }, ( ), break N, continue N, !
x=5
if [ $x -gt 10 ]; then echo big; elif [ $x -gt 3 ]; then echo medium; else echo small; fi
if false; then echo no; fi; echo "if without branch: $?"
if false; then :; else echo else-branch; fi
if true
then
    echo multi-line if
fi
i=0
while [ $i -lt 3 ]
do
    echo "while $i"
    i=$((i+1))
done
until [ $i -eq 0 ]; do i=$((i-1)); echo "until $i"; done
for w in one "two three" four; do echo "for [$w]"; done
for w in; do echo never; done; echo "empty for: $?"
set -- a b c
for arg; do echo "arg $arg"; done
for arg
do
    echo "arg2 $arg"
done
for i in 1 2 3; do
    for j in 1 2 3; do
        if [ $j -eq 2 ]; then continue; fi
        if [ $i -eq 3 ]; then break 2; fi
        echo "$i.$j"
    done
done
for i in 1 2 3; do
    for j in a b; do
        if [ $i = 2 ]; then continue 2; fi
        echo "$i$j"
    done
done
i=0
while :; do i=$((i+1)); [ $i -ge 4 ] && break; done; echo "broke at $i"
{ echo in braces; echo second; }
{ echo grouped; } > group.txt; cat group.txt
( echo in subshell; exit 3 ); echo "subshell status $?"
x=outer; ( x=inner; echo "inside $x" ); echo "after $x"
! true; echo "negated true: $?"
! false; echo "negated false: $?"
! { false; }; echo "negated group: $?"
if ! [ -e nosuch ]; then echo "no such file"; fi
while false; do :; done; echo "while never ran: $?"
case abc in a*) echo starts-a;; esac
case $x in
    inner) echo inner ;;
    outer) echo outer ;;
esac
for f in 1 2; do echo "loop $f"; done | sort -r
while read line; do echo "read: $line"; done <<EOF2
first
second
EOF2
i=0; while [ $i -lt 2 ]; do echo "redir $i"; i=$((i+1)); done > loop.txt; cat loop.txt
if true; then echo "then"; fi > if.txt; cat if.txt
echo done
