# A folder the user cannot read: tree, du and grep -r say so, go on with the rest, and end with GNU's statuses
mkdir -p t/ok t/locked/in
printf 'zz\n' > t/ok/f; printf 'zz\n' > t/locked/in/g
chmod 000 t/locked
tree t; echo "tree status $?"
du t; echo "du status $?"
grep -r zz t; echo "grep status $?"
chmod 755 t/locked
tree t; echo "tree status $?"
# devices met while recursing are skipped (as GNU grep's default)
grep -r -c nothing_here /dev; echo "grep /dev status $?"
