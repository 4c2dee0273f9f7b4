# cksum against GNU coreutils 9.1 (tools/gnu-expected)
cksum hello.txt empty.txt bin.dat
cksum < bin.dat
printf 'x' | cksum -
printf '123456789' | cksum
seq 1 20000 | cksum
cksum -a bsd hello.txt bin.dat; seq 1 3000 | cksum -a bsd
cksum -a sysv hello.txt bin.dat; seq 1 3000 | cksum -a sysv
cksum -a md5 hello.txt bin.dat
cksum --algorithm=sha256 --untagged hello.txt
cksum -a sha512 empty.txt
cksum -z hello.txt | tr '\0' '|'; echo
cksum -a sha1 -z hello.txt | tr '\0' '|'; echo
cksum -a sha1 hello.txt bin.dat > sums; cksum -c sums; echo "status $?"
cksum -c < sums; echo "status $?"
cksum -a sha1 -c sums; echo "status $?"
cksum -a md5 -c sums; echo "status $?"
echo changed > hello.txt; cksum -c --quiet sums; echo "status $?"
cksum -c hello.txt; echo "status $?"
cksum -c -a crc sums; echo "status $?"
cksum nosuch.txt empty.txt; echo "status $?"
cksum -a nosuch hello.txt; echo "status $?"
cksum --quiet hello.txt; echo "status $?"
cksum -l 8 hello.txt; echo "status $?"
sum hello.txt bin.dat; sum < bin.dat; seq 1 3000 | sum -r
sum -s hello.txt bin.dat; seq 1 3000 | sum --sysv -
sum nosuch.txt empty.txt; echo "status $?"
