# unexpand against GNU coreutils 9.1 (tools/gnu-expected); "cat -A" shows the tabs
printf '        eight\n    four\n         nine\n\t tab space\n       seven\n' | unexpand | od -c
printf 'a       b       c\na  b\tc    d        e\n        x       y\n' | unexpand -a | od -c
printf 'a       b       c\n        x       y\n' | unexpand --first-only -a | od -c
printf '    a   b   c\n  x   y\n' | unexpand -t 4 | od -c
printf '    a   b   c\n  x   y\n' | unexpand -t 2,6 | od -c
printf '          a     b          c\n' | unexpand -t 2,4,/5 | od -c
printf '          a     b          c\n' | unexpand -t 2,4,+5 | od -c
printf '       x\n        \n \t \t x\n' | unexpand -a | od -c
printf 'no newline at end        ' | unexpand -a | od -c
printf '        a\n' > in.txt; unexpand in.txt - < in.txt | od -c
unexpand -t 0 in.txt; echo "status $?"
unexpand -t 4,2 in.txt; echo "status $?"
unexpand -t x in.txt; echo "status $?"
unexpand nosuch.txt in.txt | od -c; echo "status $?"
# expand reads its tab stops the same way (lib/tabstops.peb)
printf 'a\tb\tc\td\n' | expand -t 2,/4 | od -c
printf 'a\tb\tc\td\n' | expand -t 3,+5 | od -c
printf 'a\tb\tc\td\n' | expand -t 2,4 | od -c
expand -t x in.txt; echo "status $?"
expand -t 4,2 in.txt; echo "status $?"
expand -t 0 in.txt; echo "status $?"
