# factor and tsort against GNU coreutils 9.1 (tools/gnu-expected)
factor 0 1 2 12 97 1000000007 600851475143 18446744073709551617 1234567890123456789
factor 170141183460469231731687303715884105727 99999999999999999999
printf '12 15\n 7\n' | factor
factor abc 6; echo "status $?"
factor -- -5 3.5 ' 12' +12; echo "status $?"
printf 'a b\nb c\nc d\nx y\n' | tsort
printf 'main parse\nparse lex\nmain eval\neval lex\nlex io\n' | tsort
printf 'a b b c c a c d d e e c x y\n' | tsort; echo "status $?"
printf '1 2 2 3 3 4 4 2 4 5 5 1 6 7\n' > loop.txt; tsort loop.txt; echo "status $?"
printf 'a a b c\n' | tsort
printf 'a b c\n' | tsort; echo "status $?"
tsort nosuch.txt; echo "status $?"
tsort a b; echo "status $?"
