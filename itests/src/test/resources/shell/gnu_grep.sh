# grep against GNU grep 3.8 (expected output written by tools/gnu-expected)
grep apple fruit.txt
grep -i apple fruit.txt
grep -c an fruit.txt
grep -v an fruit.txt
grep -n '^b' fruit.txt
grep -E 'pie|tart' fruit.txt
grep -F '.' fruit.txt; echo "status $?"
grep -F -e pie -e tart fruit.txt
grep -w apple fruit.txt
grep -x grape fruit.txt
grep -o 'an*' fruit.txt
grep -on 'a[np]' fruit.txt
grep -ob 'na' fruit.txt
grep -q cherry fruit.txt; echo "status $?"
grep -q nothing fruit.txt; echo "status $?"
grep -l foo fruit.txt nums.txt dir/a.txt
grep -L foo fruit.txt nums.txt dir/a.txt
grep -c e fruit.txt nums.txt
grep -h e nums.txt fruit.txt
grep -H grape fruit.txt
grep -m 2 a fruit.txt
grep -m1 -c a fruit.txt
grep -A1 three nums.txt
grep -B2 three nums.txt
grep -C1 -e three -e eight nums.txt
grep -n -C1 -e two -e four nums.txt
grep -2 six nums.txt
grep -A1 -e one -e ten nums.txt
grep --no-group-separator -A1 -e one -e five nums.txt
grep --group-separator=XX -A0 -e one -e five nums.txt
grep -f pats fruit.txt
grep -e an -e 'e$' -c fruit.txt
grep '^$' fruit.txt; echo "status $?"
grep -c '' fruit.txt
grep -n . fruit.txt
grep 'p\{2\}' fruit.txt
grep -E 'p{2}|rr' fruit.txt
grep '\(an\)\1' fruit.txt
grep -E '(an)\1' fruit.txt
grep '\<pie' fruit.txt
grep 'e\>' fruit.txt
grep '[[:upper:]]' fruit.txt
grep -i 'APPLE PIE' fruit.txt
grep -vc a fruit.txt
grep -r foo dir | sort
grep -rl foo dir | sort
grep -r --include='*.txt' foo dir | sort
grep -r --exclude='*.txt' foo dir
grep -r --exclude-dir=sub foo dir
grep foo dir; echo "status $?"
grep foo nosuch; echo "status $?"
grep -s foo nosuch; echo "status $?"
grep -q pie nosuch fruit.txt; echo "status $?"
grep '\(' fruit.txt; echo "status $?"
grep -E 'a{1' fruit.txt; echo "status $?"
grep '[' fruit.txt; echo "status $?"
echo "red blue" | grep red
printf 'x\ny\n' | grep -n y
printf 'x\ny\n' | grep -H --label=stdin y
printf 'a1b22\n' | grep -oE '[0-9]+'
printf 'abc\n' | grep -o 'x*'; echo "status $?"
printf 'foo bar\nfoobar\n' | grep -ow 'foo\|bar'
printf 'ab\n' | grep --color=always b
printf 'ab\nab\n' | grep --color=always -n -H b
printf 'ab\n' | grep --color=never b
grep -E 'a)' fruit.txt; echo "status $?"
grep -E '*an' fruit.txt
grep -E 'x|+pie' fruit.txt
grep '\{1\}' fruit.txt; echo "status $?"
grep 'a[' fruit.txt; echo "status $?"
grep '[[:alpha:]' fruit.txt; echo "status $?"
grep '[[:nope:]]' fruit.txt; echo "status $?"
grep 'x\{2,1\}' fruit.txt; echo "status $?"
