# head, tail and wc against GNU coreutils 9.1 (expected output written by tools/gnu-expected)
head lines.txt
head -n 3 lines.txt
head -3 lines.txt
head -n -22 lines.txt
head -c 12 lines.txt
head -c -150 lines.txt
head -n 2 lines.txt nonl.txt
head -q -n 1 lines.txt nonl.txt
head -v -n 1 nonl.txt
head -n 1K lines.txt | wc -l
head -c 4 utf8.txt | wc -c; head -c 5 utf8.txt; echo
echo
yes | head -n 2
printf 'a\nb\nc\n' | head -n 1
head nosuch; echo "status $?"
head -n x lines.txt; echo "status $?"
tail lines.txt
tail -n 3 lines.txt
tail -3 lines.txt
tail -n +23 lines.txt
tail +24 lines.txt
tail -c 20 lines.txt
tail -c +190 lines.txt
tail -n 2 nonl.txt
echo
tail -n 1 lines.txt nonl.txt
echo
tail -q -n 1 lines.txt nonl.txt
echo
tail -n 0 lines.txt
printf 'x\ny\nz\n' | tail -n 2
printf 'x\ny\nz\n' | tail -c 4
tail nosuch; echo "status $?"
wc lines.txt
wc -l lines.txt
wc -w lines.txt
wc -c lines.txt
wc -m utf8.txt
wc -c utf8.txt
wc utf8.txt
wc -L words.txt
wc -lwc words.txt nonl.txt
wc lines.txt nonl.txt utf8.txt
wc -l lines.txt nonl.txt
printf 'hello pebble os\n' | wc
echo hello pebble os | wc -w
wc < lines.txt
wc nosuch lines.txt; echo "status $?"
