# gcc: C programs translated into Pebble and run by name (expected output: the
# same programs built by a real gcc); an error leaves the output file alone
gcc features.c -o features
features; echo "status $?"
run features.peb > run.txt
exec features.peb > exec.txt
cmp run.txt exec.txt && echo "run and exec agree"
gcc -O2 -Wall io.c -o io.peb
io one two < numbers.txt; echo "status $?"
echo kept > bad.peb
gcc pointer.c -o bad; echo "status $?"
gcc syntax.c -o bad; echo "status $?"
cat bad.peb
gcc tiny.c
a.out; echo "status $?"
gcc; echo "status $?"
gcc missing.c; echo "status $?"
gcc -x tiny.c; echo "status $?"
