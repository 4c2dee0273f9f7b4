# sed against GNU sed 4.9 (expected output written by tools/gnu-expected)
sed 's/o/0/' in1
sed 's/o/0/g' in1
sed -n '2p' in1
sed '1d' in1
sed 's/\(hel\)lo/\1p/' in1
sed -E 's/(o+)/[\1]/g' in1
sed -r 's/(o+)/<\1>/' in1
sed 's/o/&&/2' in1
sed 's/[aeiou]/\U&/g' in1
sed 's/\w\+/\u&/g' in1
sed 's/.*/\L&/;s/W/w/' in1
sed -e 's/hello/bye/' -e 's/bar/baz/' in1
sed -e 's/hello/bye/; s/bar/baz/' in1
sed '$!d' in1
sed -n '/foo/,$p' in1
sed '1i\
inserted' in1
sed '1a appended' in1
sed '2c\
changed' in1
sed 'y/abc/xyz/' in1
sed = in1
sed -n '$=' in1
sed 'N;s/\n/ /' in1
sed -f script.sed nums
sed -n '/two/,/four/p' nums
sed -n '3,5!p' nums
sed '0,/o/s//0/' nums
sed -n '2~3p' nums
sed -n '/t/{/e/p}' nums
sed '2q' nums
sed -n '/four/{=;p}' nums
sed '/two/,+2d' nums
sed '1~2!d' nums
sed -n 'h;n;G;p' nums
sed '$!N;s/\n/-/' nums
sed ':a;N;$!ba;s/\n/,/g' nums
sed -n 'x;$p' nums
sed '/^t/!s/$/ !/' nums
sed -s -n '$p' nums in1
sed -n '$p' nums in1
sed -n 'F;q' nums
sed 'G' in1
sed -n 'H;${x;s/\n/;/g;p}' nums
sed 'n;d' nums
sed '$!{N;P;D}' nums
printf 'a\nb\nc\nd\n' | sed '1~2d'
printf 'a\nb\nc\nd\n' | sed '2,+1d'
printf 'a\nb\nc\nd\n' | sed '2,~2d'
printf 'one\ntwo\nthree\n' | sed '/two/q'
printf 'one\ntwo\nthree\n' | sed '/two/Q'
printf 'x\n' | sed 'q5'; echo "status $?"
printf 'abc\n' | sed 's/x*/-/g'
printf 'abxd\n' | sed 's/x*/-/g'
printf 'aaa\n' | sed 's/a/b/2g'
printf 'hello\n' | sed 's/l*/X/g'
printf 'a b c\n' | sed 's/ /\n/g'
printf 'a\tb\\c\n' | sed -n l
printf 'a long line that goes on and on and on and on and on and on and on and on and on\n' | sed -n l
printf 'abcdefghij\n' | sed -n 'l 5'
printf 'line1\nline2' | sed p
printf 'no newline' | sed 's/no/yes/'
printf 'a\nb\nc\n' | sed -n '/b/{p;p}'
printf 'aXbXc\n' | sed 's/X/\n/2'
printf 'foo\n' | sed 's/o\+$/0/'
printf 'Hello\n' | sed 's/hello/bye/I'
printf 'Hello\n' | sed '/hello/Id'
printf 'a.b.c\n' | sed 's|\.|/|g'
printf 'a/b/c\n' | sed 's/\//_/g'
printf 'a\nb\n' | sed '$a\
END'
printf 'x\n' | sed 's/x/a\tb/'
printf 'abc\n' | sed 's/b/[&]/;s/\[/(/;t;s/a/A/'
printf 'abc\n' | sed 's/z/Z/;T;s/a/A/'
printf 'abc\n' | sed 's/b/B/;ta;s/a/Q/;:a;s/c/C/'
printf 'one two\n' | sed -E 's/(\w+) (\w+)/\2 \1/'
printf 'a1b22c333\n' | sed -E 's/[0-9]{2,}/#/g'
printf 'aaa bbb\n' | sed 's/\(a*\) \(b*\)/\2 \1/'
printf 'x+y\n' | sed 's/x+y/z/'
printf 'xxy\n' | sed -E 's/x+y/z/'
printf 'ab\n' | sed -E 's/a|ab/X/'
printf 'hello\n' | sed 's/\(h\)\(e\)/\2\1/w out.txt'
cat out.txt
printf 'one\ntwo\n' | sed -n '/one/w out2.txt'
cat out2.txt
printf 'one\ntwo\n' | sed '1r in1'
printf 'one\ntwo\nthree\n' | sed 'R in1'
printf 'a\n' | sed -n 'p' -
printf 'tab\there\n' | sed 's/\t/<T>/'
printf 'a b\n' | sed 's/\s/_/;s/\S$/!/'
printf 'word1 word2\n' | sed 's/\bw/W/g;s/\>/./g'
printf 'a\nb\n' | sed '1!G;h;$!d'
printf 'x\n' | sed 's/x/[&]/;s/\[x\]/ok/'
printf '123 abc\n' | sed 's/[[:digit:]]\+/N/;s/[[:alpha:]]*$/A/'
printf 'a\n' | sed 'z;s/^$/empty/'
printf 'banana\nlast a' > noeol
sed 's/a/o/g' noeol in1
sed 's/o//g' in1 noeol nums
printf 'ab\nxa' | sed 's/a/-/g'
sed -s 's/o/0/g' in1 nums
sed 's/o/0/g' nosuch in1 ; echo "status $?"
cp in1 copy1
sed -i 's/hello/HELLO/' copy1
cat copy1
cp in1 copy2
sed -i.bak '1d' copy2
cat copy2 copy2.bak
printf 'a\n' | sed 's/a/b' ; echo "status $?"
printf 'a\n' | sed 'k' ; echo "status $?"
printf 'a\n' | sed 'b nolabel' ; echo "status $?"
printf 'a\n' | sed '{p' ; echo "status $?"
printf 'a\n' | sed 'p}' ; echo "status $?"
printf 'a\n' | sed 'y/ab/c/' ; echo "status $?"
sed p nosuch ; echo "status $?"
sed > /dev/null 2>&1; echo "status $?"
