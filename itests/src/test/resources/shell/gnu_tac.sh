# tac as GNU tac: records, -s, -b, files in order
printf 'a\nb\nc' | tac | od -c | head -2
printf 'a,b,c,' | tac -s,; echo
printf 'a,b,c' | tac -s, ; echo
printf 'a\nb\n' | tac -b | od -c | head -1
printf '1\n2\n3\n' > t1; printf 'x\ny\n' > t2; tac t1 t2; tac - < t1; seq 5 | tac
tac nonexist 2>/dev/null; echo "st $?"
