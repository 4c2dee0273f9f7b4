# csplit against GNU coreutils 9.1 (tools/gnu-expected)
seq 1 20 > n.txt
csplit n.txt 5 /1[0-9]/ '{1}'; cat xx02; rm -f xx*
csplit -f part -n 3 n.txt %7% /15/+2; cat part001; rm -f part*
csplit -s -z -b '%03d.txt' n.txt '/[05]$/' '{*}'; cat xx003.txt; rm -f xx*
csplit n.txt 5 /5/; rm -f xx*
csplit n.txt /1/ /1/; rm -f xx*
csplit n.txt 1 /2/; rm -f xx*
csplit n.txt 20; cat xx01; rm -f xx*
csplit -z n.txt 1 5; cat xx00; rm -f xx*
csplit n.txt /3/-2; rm -f xx*
csplit n.txt %3% 6; rm -f xx*
csplit n.txt /2/ '{*}'; cat xx02; rm -f xx*
csplit n.txt /4/+3 /10/; rm -f xx*
csplit --suppress-matched n.txt /10/ 15; cat xx01; rm -f xx*
printf 'a\nb\nc' | csplit - /b/; cat xx01; echo; rm -f xx*
csplit n.txt 21; echo "status $?"; test -e xx00; echo "kept $?"
csplit n.txt /nomatch/; echo "status $?"
csplit -k n.txt 5 /nomatch/; echo "status $?"; cat xx00; rm -f xx*
csplit n.txt 8 4; echo "status $?"
csplit n.txt 5 '{*}'; echo "status $?"
csplit n.txt '/5/-1' '{2}'; echo "status $?"
csplit n.txt; echo "status $?"
csplit nosuch.txt 3; echo "status $?"
