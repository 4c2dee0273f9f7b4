# sort against GNU sort 9.1 (expected output written by tools/gnu-expected)
sort fruit.txt
sort -r fruit.txt
sort -f fruit.txt
sort -b fruit.txt
sort -n nums.txt
sort -rn nums.txt
sort -g nums.txt
sort -h human.txt
sort -hr human.txt
sort -k2 fruit.txt
sort -k2n fruit.txt
sort -k2,2n fruit.txt
sort -k2,2nr fruit.txt
sort -k1,1 -k2,2n fruit.txt
sort -k1,1f -k2,2n fruit.txt
sort -s -k1,1 fruit.txt
sort -t: -k3,3n passwd.txt
sort -t: -k4,4n -k1,1 passwd.txt
sort -t: -k4n -s passwd.txt
sort -t : -k 2 passwd.txt
sort -k1.2,1.3 fruit.txt
sort -k1.2b fruit.txt
sort -u -k1,1 fruit.txt
sort -u fruit.txt fruit.txt
sort -V versions.txt
sort -M months.txt
sort -d fruit.txt
sort -o out.txt fruit.txt
cat out.txt
sort -c fruit.txt; echo "status $?"
sort -C fruit.txt; echo "status $?"
sort fruit.txt | sort -c; echo "status $?"
printf 'b\na\nc\n' | sort
printf 'b\na\nc' | sort
printf '' | sort
printf 'x 1\nx 1\ny 2\n' | sort -u
printf 'b 2\na 2\nc 1\n' | sort -k2,2
printf 'b 2\na 2\nc 1\n' | sort -k2,2 -r
printf 'b 2\na 2\nc 1\n' | sort -k2,2 -s -r
sort -k0 fruit.txt; echo "status $?"
sort -t ab fruit.txt; echo "status $?"
sort nosuch; echo "status $?"
