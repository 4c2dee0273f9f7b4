# A folder the user cannot read: tree, du, grep -r, cp -r, diff -r and rm -r say so, go on with the rest, and end with GNU's statuses
mkdir -p t/ok t/locked/in
printf 'zz\n' > t/ok/f; printf 'zz\n' > t/locked/in/g
chmod 000 t/locked
tree t; echo "tree status $?"
du t; echo "du status $?"
grep -r zz t; echo "grep status $?"
# a file under a folder the user may not search: Permission denied, not "No such file"
cat t/locked/in/g; echo "cat status $?"
ls t/locked/in/g; echo "ls status $?"
rev t/locked/in/g; echo "rev status $?"
cp -r t u; echo "cp status $?"
ls u u/ok
mkdir -p v/locked; chmod 000 v/locked
diff -r t v; echo "diff status $?"
mkdir -p w/locked/in; chmod 000 w/locked
rm -r w; echo "rm status $?"
chmod 755 w/locked
rm -r v w; echo "rm status $?"
ls
chmod 755 t/locked
tree t; echo "tree status $?"
# devices met while recursing are skipped (as GNU grep's default)
grep -r -c nothing_here /dev; echo "grep /dev status $?"
