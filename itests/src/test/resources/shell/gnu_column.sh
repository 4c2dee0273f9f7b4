# column against util-linux 2.38 (tools/gnu-expected)
column -t table.txt
column -t -L table.txt
column -t -s: colon.txt
column -t -s: -o ' | ' colon.txt
column -t -R 2 table.txt
seq 1 30 | column
seq 1 30 | column -c 40
seq 1 30 | column -x
seq 1 30 | column -x -c 30
seq 1 7 | column -x -c 30
printf 'alpha\nbeta\n\ngamma delta\nepsilon\n' | column
printf 'a b\nlonger line here\n' | column -t
column nosuch.txt; echo "status $?"
