# errors: after what the program printed before them, and short even for a huge line
run late.peb 2>&1 | cat
exec late.peb 2>&1 | cat
late.peb > both.txt 2>&1
cat both.txt
run genlong.peb
run long.peb 2>&1 | wc -l
exec long.peb 2>&1 | wc -c
long.peb 2> err.txt
cat err.txt
