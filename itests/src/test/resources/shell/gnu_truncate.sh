# truncate against GNU coreutils 9.1 (tools/gnu-expected)
truncate f; echo "status $?"
truncate -s x f; echo "status $?"
truncate -s 10; echo "status $?"
mkdir d; truncate -s 5 d; echo "status $?"
truncate -s 5 nodir/f; echo "status $?"
truncate -c -s 5 nofile; echo "status $?"; test -e nofile; echo "created $?"
truncate -s 10K f; wc -c < f
truncate -s -3000 f; wc -c < f
truncate -s '<100' f; wc -c < f
truncate -s '>7300' f; wc -c < f
truncate -s /1000 f; wc -c < f
truncate -s %3000 f; wc -c < f
truncate -s +1KB f; wc -c < f
truncate -r f g; wc -c < g
truncate -r f -s +5 h; wc -c < h
truncate --size=2MiB f; wc -c < f
truncate -s -9999999 f; wc -c < f
printf 'hello world\n' > t.txt; truncate -s 5 t.txt; cat t.txt; echo
truncate -s 8 t.txt; od -c t.txt
truncate -s 1x f; echo "status $?"
truncate -s -5 -r nofile f; echo "status $?"
truncate -o -s 2 f; wc -c < f
truncate -s 5 -r f f; echo "status $?"
truncate -s /0 f; echo "status $?"
truncate -s 3 t.txt nodir/x g; echo "status $?"; wc -c < g
