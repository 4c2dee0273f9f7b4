# expand and split as GNU: tab stops, -i; pieces by lines and bytes, suffixes
mkdir -p sp; cd sp
printf 'a\tb\n\tx\tyy\tz\n12345678\tq\n' | expand | od -c | head -3; printf 'a\tb\n' | expand -t 4; printf 'ab\tc\td\n' | expand -t 2,5; printf 'a\tb\n' | expand -i | od -c | head -1; printf '\ta\tb\n' | expand -i | od -c | head -1
seq 10 > s.txt; split -l 4 s.txt part_; ls part_*; cat part_ac; split -b 5 -d s.txt num; ls num*; cat num01; rm part_* num*
split -l 3 -a 3 --additional-suffix=.txt s.txt pp; ls pp*; rm pp*; seq 3 | split -l 1; ls x*; cat xab; rm x*
printf 'abc' | split -l 1; cat xaa; echo; rm x*; split -l 0 s.txt 2>/dev/null; echo "st $?"; split nosuch 2>/dev/null; echo "st $?"
