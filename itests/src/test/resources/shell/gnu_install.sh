# install against GNU coreutils 9.1 (tools/gnu-expected)
echo hi > a; echo ho > b
install; echo "status $?"
install a; echo "status $?"
install -v a c; echo "status $?"; stat -c '%a %n' c; cat c
install -m 644 a d; stat -c '%a' d
install -d -v x/y z; echo "status $?"; stat -c '%a' x x/y z
install -d -m 700 m/n; stat -c '%a' m m/n
install -D -v a p/q/r; echo "status $?"; cat p/q/r
install a b nodir; echo "status $?"
install -t x -v a b; echo "status $?"; cat x/b
install a b x/y; echo "status $?"; ls x/y
install -c -m 0600 a b m; stat -c '%a %n' m/a m/b
install -D -t deep/er -v a; echo "status $?"
install nosuch e; echo "status $?"
install x e; echo "status $?"
install -m u+x,g-r a f; stat -c '%a' f
install -m 999 a g; echo "status $?"
install -T a x; echo "status $?"
install -C -v a c; echo "status $?"
echo changed > a; install -C -v a c; echo "status $?"; cat c
install -d; echo "status $?"
install a b c2; echo "status $?"
