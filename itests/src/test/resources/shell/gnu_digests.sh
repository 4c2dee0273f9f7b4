# md5sum sha1sum sha256sum sha512sum base64 against GNU coreutils 9.1 (tools/gnu-expected)
md5sum hello.txt empty.txt bin.dat
sha1sum hello.txt
sha256sum hello.txt bin.dat
sha512sum empty.txt
echo hello | md5sum
echo hello | sha256sum -
md5sum -b hello.txt
md5sum --tag hello.txt
sha256sum --tag bin.dat
md5sum -z hello.txt | tr '\0' '|'; echo
md5sum hello.txt bin.dat > sums.md5; md5sum -c sums.md5; echo "status $?"
md5sum --tag hello.txt > tag.md5; md5sum -c tag.md5; echo "status $?"
echo changed > hello.txt; md5sum -c sums.md5; echo "status $?"
md5sum -c --quiet sums.md5; echo "status $?"
md5sum -c --status sums.md5; echo "status $?"
printf 'nonsense\n' >> sums.md5; md5sum -c -w sums.md5; echo "status $?"
md5sum -c --strict sums.md5; echo "status $?"
printf '0123456789abcdef0123456789abcdef  gone.txt\n' > gone.md5; md5sum -c gone.md5; echo "status $?"
md5sum -c --ignore-missing gone.md5; echo "status $?"
printf 'nothing here\n' | md5sum -c; echo "status $?"
md5sum nosuch.txt hello.txt; echo "status $?"
md5sum --quiet hello.txt; echo "status $?"
base64 bin.dat
echo 'hello world' | base64
printf 'a' | base64; printf 'ab' | base64; printf 'abc' | base64
seq 1 40 | base64
seq 1 40 | base64 -w 20
seq 1 40 | base64 -w0; echo
seq 1 40 | base64 | base64 -d | tail -2
base64 bin.dat | base64 -d | md5sum
echo 'aGVsbG8K' | base64 -d
echo 'aGVs bG8K' | base64 -d; echo "status $?"
echo 'aGVs bG8K' | base64 -di
echo 'YQ' | base64 -d; echo; echo "status $?"
base64 nosuch; echo "status $?"
base64 a b; echo "status $?"
