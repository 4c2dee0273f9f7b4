# od (GNU coreutils 9.1) and xxd (2022-01-14) against the tools themselves (tools/gnu-expected)
od bin.dat
od -c bin.dat
od -b bin.dat
od -x text.txt
od -d text.txt
od -s text.txt
od -o text.txt
od -A d -t x1 bin.dat
od -A x -t x1z bin.dat
od -A n -t c text.txt
od -t a bin.dat
od -t d1 bin.dat
od -t u1 -N 10 bin.dat
od -t x2 -t c text.txt
od -t d2 -t u4 bin.dat
od -t x4 -t o1 bin.dat
od -t d8 bin.dat
od -t xC -t dS text.txt
od -j 5 -N 8 -c bin.dat
od -j 0x10 -t x1 bin.dat
od -w8 -c text.txt
od -w -t x1 bin.dat
od -c zeros.dat
od -v -t x1 -A x zeros.dat | head -6
od -t x1 zeros.dat | tail -4
cat text.txt | od -c
od -c text.txt - text.txt < bin.dat
printf '' | od -c
od nosuch.dat; echo "status $?"
od -t q text.txt; echo "status $?"
od -A q text.txt; echo "status $?"
xxd bin.dat
xxd text.txt
xxd -p bin.dat
xxd -ps zeros.dat
xxd -c 8 -l 20 bin.dat
xxd -g 1 -c 10 bin.dat
xxd -g 4 zeros.dat
xxd -u -s 5 -l 40 bin.dat
xxd -s 0x10 -l 0x10 zeros.dat
xxd -c 40 bin.dat
xxd -d -l 40 zeros.dat
cat text.txt | xxd
xxd bin.dat | xxd -r > back.dat; cmp back.dat bin.dat && echo "reverted"
xxd -p zeros.dat | xxd -r -p > back2.dat; cmp back2.dat zeros.dat && echo "reverted plain"
xxd -g 1 -c 5 text.txt | xxd -r | od -c
printf '0000010: 6869\n' | xxd -r | od -c
xxd text.txt out.hex; cat out.hex
xxd -i bin.dat
cat text.txt | xxd -i
xxd -i -C -c 4 text.txt
xxd -n foo -i text.txt
xxd -b bin.dat
xxd -b -c 4 text.txt
xxd -a zeros.dat
xxd -a runs.dat
xxd -a -c 8 runs.dat
xxd nosuch.dat; echo "status $?"
