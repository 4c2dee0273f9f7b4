# cut tr rev nl paste fold comm join against GNU coreutils 9.1 / util-linux 2.38 (tools/gnu-expected)
cut -d: -f1 passwd.txt
cut -d: -f1,3 passwd.txt
cut -d: -f 2-4 passwd.txt
cut -d: -f5- passwd.txt
cut -d: -f-2 -s passwd.txt
cut -d: --complement -f2 passwd.txt
cut -d: -f1,7 --output-delimiter=' -> ' passwd.txt
cut -f2 tabs.txt
cut -f1,3 tabs.txt
cut -c1-3 passwd.txt
cut -c 2,4-5 tabs.txt
cut -b3- tabs.txt
cut -c4 utf8.txt | wc -c
cut -c 1-2 --complement a.txt
echo 'a,b,c' | cut -d, -f3,1
cut -f1 -d ':' - < passwd.txt
cut passwd.txt; echo "status $?"
cut -f0 passwd.txt; echo "status $?"
cut -d ab -f1 passwd.txt; echo "status $?"
echo 'Hello World' | tr a-z A-Z
echo 'Hello World' | tr '[:lower:]' '[:upper:]'
echo 'Hello World' | tr '[:upper:]' '[:lower:]'
echo 'hello' | tr -d l
echo 'aaabbbccc' | tr -s a-c
echo 'aaa   bbb' | tr -s ' '
echo 'hello world' | tr -c a-z _
echo 'hello 123 world' | tr -cd '[:digit:]\n'
echo 'abc' | tr abc x
echo 'abcd' | tr -t abcd xy
echo 'a-b' | tr '\-' _
echo 'tab	sep' | tr '\t' ' '
echo 'abc' | tr 'a-c' '[x*]'
echo 'abcdef' | tr 'a-f' '[x*2]yz'
echo 'hello' | tr -s 'lo' 'xy'
echo 'one two' | tr ' ' '\n'
printf 'a\nb\n' | tr '\n' ,
echo 'abc' | tr -d 'a-' 
echo 'x' | tr; echo "status $?"
echo 'x' | tr a; echo "status $?"
rev a.txt
echo 'hello world' | rev
rev utf8.txt
printf 'no newline' | rev; echo
nl a.txt
nl -ba -w3 -s'. ' a.txt
printf 'x\n\ny\n' | nl
printf 'x\n\ny\n' | nl -ba
nl -n ln a.txt
nl -n rz -w 4 a.txt
nl -v 10 -i 5 a.txt
nl -bpa a.txt
nl sections.txt
nl -p sections.txt
paste a.txt b.txt
paste -d, a.txt b.txt
paste -s a.txt
paste -sd'+' a.txt
paste -d'|,' a.txt b.txt a.txt
paste - - < a.txt
paste a.txt tabs.txt
fold -w 20 long.txt
fold -s -w 20 long.txt
fold -w10 -b a.txt
echo 'abcdefghij' | fold -w 3
comm a.txt b.txt
comm -12 a.txt b.txt
comm -3 a.txt b.txt
comm -1 --output-delimiter=: a.txt b.txt
comm unsorted.txt a.txt; echo "status $?"
comm --nocheck-order unsorted.txt a.txt; echo "status $?"
join j1.txt j2.txt
join -a1 j1.txt j2.txt
join -a2 j1.txt j2.txt
join -v1 j1.txt j2.txt
join -v2 j1.txt j2.txt
join -o 1.2,2.2 j1.txt j2.txt
join -o auto -a1 -e NONE j1.txt j2.txt
join -t: -1 3 -2 1 passwd.txt passwd.txt
join -j1 j1.txt j2.txt
