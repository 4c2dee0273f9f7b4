# link, sha224sum and sha384sum against GNU coreutils 9.1 (tools/gnu-expected); link's
# own work is fs_link's (FsSyscallsContract: hostfs, the default disk, has no hard links)
sha224sum hello.txt bin.dat
sha384sum --tag hello.txt
sha224sum hello.txt > s224; sha224sum -c s224; echo "status $?"
echo hello | sha384sum
link nosuch.txt other.txt; echo "status $?"
link; echo "status $?"
link hello.txt; echo "status $?"
link a b c; echo "status $?"
