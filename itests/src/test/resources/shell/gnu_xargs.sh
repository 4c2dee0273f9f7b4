# xargs against GNU findutils 4.9 (tools/gnu-expected)
xargs < words.txt
xargs echo got < words.txt
xargs -n 2 < words.txt
xargs -n2 echo pair: < words.txt
xargs -L 2 < words.txt
xargs -I {} echo '[{}]' < words.txt
xargs -I X echo X and X again < names.txt
xargs -i echo 'file {}' < names.txt
printf 'a\0b c\0d\0' | xargs -0 -n1 echo item
printf 'a,b,,c' | xargs -d, -n1 echo item
printf 'p:q:r\n' | xargs -d: echo
printf 'x\ty\n' | xargs -d '\t' -n1 echo
echo "'quoted words' \"double quoted\" back\\ slash" | xargs -n1 echo
echo 'a b c' | xargs -t echo
echo 'a b c' | xargs -t -n1 echo 2>&1
true | xargs echo empty-ran
true | xargs -r echo never
echo 'one two three four' | xargs -s 20 echo
echo 'a b END c d' | xargs -E END echo
printf '3\n1\n2\n' | xargs -P 2 -n 1 echo | sort
xargs -a names.txt -d '\n' cat
xargs -d '\n' cat < names.txt
echo 1 2 | xargs -n1 sh -c 'exit $0'; echo "status $?"
echo 255 | xargs sh -c 'exit $0'; echo "status $?"
echo x | xargs nosuchcommand; echo "status $?"
echo "it's" | xargs echo; echo "status $?"
echo a | xargs -n 0; echo "status $?"
echo a | xargs -Q; echo "status $?"
echo 'a b' | xargs -n1 -I{} echo {}
find . -name '*.txt' 2>/dev/null | sort | xargs wc -l
