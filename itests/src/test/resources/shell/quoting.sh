# quoting, escapes, variables and comments
echo 'single $HOME "x"' "double $HOME 'y'" plain
echo a\ b \$HOME "q\"uote \$ \\ \n" 'it'"'"'s'
echo "${HOME}x" ${HOME}y $HOME/z
echo "" | wc -c
echo ''"" "" x
NAME=world
echo "hello, $NAME!" hello,\ $NAME
echo "$NAME$NAME" ${NAME}_1 $NAME_1 end
echo # a comment
echo not#comment # but this is
false; echo "status $?"
true; echo "status $?"
echo ~ ~/docs "~"
X="a  b   c"
echo $X
echo "$X"
EMPTY=
echo [$EMPTY] ["$EMPTY"]
echo one\
two
echo $$ | grep -c '^[0-9][0-9]*$'
sh -c 'echo $0 $1 $2 $# "$@"' zero one two
echo 'unicode: héllo wörld ✓'
sh -c 'echo "$#:$1"; sh -c "echo \$#" x "$@"' zero "a b" c
sh -c 'echo "[$@]" "[$*]"; echo "$@" | wc -w' - 1 "2 3"
sh -c 'echo "$#"; sh -c "echo \$#" x "$@"' zero
