# basename, dirname, expr and printf as GNU: -a -s -z, POSIX dirname, match substr index and \(...\), %e %g
basename 2>/dev/null; echo "st $?"
basename a b c 2>/dev/null; echo "st $?"
dirname 2>/dev/null; echo "st $?"
dirname a/b c/d
dirname -z a/b | od -c | head -1
basename -z a/b | od -c | head -1
basename /; basename //; basename a/; dirname /; dirname a; dirname a/; basename -- -x; basename .txt .txt
basename /a/b/c.txt .txt; basename -s .txt a.txt b.txt; basename -a x/y z/w; basename --suffix=.c a.c; basename -as .c b.c d.c
basename /usr/lib/; dirname /usr/lib/; dirname //a//b//; basename //a//b//
expr 3 + 4; expr length hello; expr 10 / 3; expr substr hello 2 3; expr index hello l; expr index hello z
expr abc : 'a\(b\)'; expr abc : 'x\(b\)'; echo "st $?"; expr abc : 'ab'; expr match abc 'a.'; expr + length
expr substr hello 0 2; echo "st $?"; expr substr hello 4 10; expr match hello 'h\(.*\)l'; expr 'x' : '.*'
printf '%05.1f|%e|%E|%g|%G|%.3e|%10.2e|%-10g|%g|%g|%F\n' 3.14159 12345.678 0.000123 100000 1e-10 2.5 -31.4 7 1000000 0.0001 2.5
printf '%.2f|%f|%.0f|%f|%-8.2f|\n' 1e20 0.000001 2.5 123456789.125 1.5
