# pipelines over kernel pipes
echo hello pebble os | wc
echo hi | cat | cat | cat
printf_missing=1
yes | head -2
yes abc | head -n 3 | tail -1
echo c b a | tr_missing 2> /dev/null; echo "status $?"
echo 'b
a' | sort
cat /etc/group | grep root | wc -l
false | true; echo "status $?"
true | false; echo "status $?"
echo x | nosuch | cat; echo "status $?"
nosuch 2>&1 | wc -l
pwd | cat
type echo | cat
history | cat
echo one | sh -c 'cat; echo two'
seq_missing 2>/dev/null | wc -l
head -3 /etc/passwd | tail -1 | wc -w
echo abc | tee t.txt | wc -c; cat t.txt
